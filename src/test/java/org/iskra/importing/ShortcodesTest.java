package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hugo's shortcodes as a reader should meet them: as links, figures, code and text, never as markup. */
class ShortcodesTest {

    final List<String> unknown = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Shortcodes.Context context = new Shortcodes.Context() {
        @Override
        public String refUrl(String target, String language) {
            return target.contains("about") ? "/" + language + "/articles/about" : null;
        }

        @Override
        public void unknown(String name) {
            unknown.add(name);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    @Test
    void embedsBecomePlainLinks() {
        assertThat(Shortcodes.convert("{{< youtube w7Ft2ymGmfc >}}", "en", context))
                .isEqualTo("[https://www.youtube.com/watch?v=w7Ft2ymGmfc](https://www.youtube.com/watch?v=w7Ft2ymGmfc)");
        assertThat(Shortcodes.convert("{{< vimeo id=\"146022717\" title=\"Strike\" >}}", "en", context))
                .isEqualTo("[Strike](https://vimeo.com/146022717)");
        assertThat(Shortcodes.convert("{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}", "en", context))
                .isEqualTo("[https://x.com/SanDiegoZoo/status/1453110110599868418](https://x.com/SanDiegoZoo/status/1453110110599868418)");
    }

    @Test
    void refsLeadToTheImportedArticleInTheLanguageAsked() {
        assertThat(Shortcodes.convert("[us]({{< ref \"about.md#team\" >}})", "ru", context)).isEqualTo("[us](/ru/articles/about#team)");
        assertThat(Shortcodes.convert("[us]({{< relref path=\"about\" lang=\"uk\" >}})", "ru", context)).isEqualTo("[us](/uk/articles/about)");
        assertThat(Shortcodes.convert("[x]({{< ref \"nowhere\" >}})", "ru", context)).isEqualTo("[x](#)");
        assertThat(warnings).containsExactly("ref to nowhere: no such page was imported; the link leads nowhere");
    }

    @Test
    void unknownShortcodesKeepTheirInnerTextAndAreCounted() {
        String text = Shortcodes.convert("{{% notice warning %}}Read **this**{{% /notice %}} and {{< newsletter-box >}}.", "en", context);
        assertThat(text).isEqualTo("Read **this** and .");
        assertThat(unknown).containsExactly("notice", "newsletter-box");
    }

    @Test
    void figuresStayForTheRendererAndHighlightBecomesAFencedBlock() {
        assertThat(Shortcodes.convert("{{< figure src=\"a.jpg\" caption=\"A\" >}}", "en", context))
                .isEqualTo("{{< figure src=\"a.jpg\" caption=\"A\" >}}");
        assertThat(Shortcodes.convert("{{< highlight go >}}fmt.Println(1){{< /highlight >}}", "en", context))
                .isEqualTo("\n```go\nfmt.Println(1)\n```\n");
    }

    @Test
    void anEscapedShortcodeIsShownAsCode() {
        assertThat(Shortcodes.convert("Write {{</* youtube ID */>}} for a video.", "en", context))
                .isEqualTo("Write `{{< youtube ID >}}` for a video.");
    }
}
