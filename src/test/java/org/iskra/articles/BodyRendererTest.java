package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Rendering bodies that hold no stored image: what readers get of other sites' images, and of broken figures. */
class BodyRendererTest {

    // none of these bodies names a stored image, so the media library is never asked
    private final BodyRenderer renderer = new BodyRenderer(null);
    private final BodyText text = new BodyText();

    @Test
    void anImageFromAnotherSiteBecomesALinkToItWithItsAltText() {
        Document html = Jsoup.parseBodyFragment(renderer.render("""
                ![Strikers at the gate](https://example.org/t.png "The gate")

                Look at ![the banner](https://example.org/b.png) and ![](http://example.org/c.png).

                {{< figure src="https://example.org/f.jpg" alt="A figure from elsewhere" caption="Its caption" >}}

                <img src="https://example.org/raw.png" alt="raw"> ![relative](//example.org/p.png) ![data](data:image/png;base64,AAAA)
                """));

        assertThat(html.select("img, picture, source")).as("no image from anywhere but the media library").isEmpty();
        assertThat(html.select("a").eachAttr("href")).containsExactly("https://example.org/t.png",
                "https://example.org/b.png", "http://example.org/c.png", "https://example.org/f.jpg");
        assertThat(html.select("a").eachText()).containsExactly("Strikers at the gate", "the banner",
                "http://example.org/c.png", "A figure from elsewhere");
        assertThat(html.select("a").eachAttr("rel")).allSatisfy(rel -> assertThat(rel).contains("noopener"));
        assertThat(html.select("figcaption").text()).contains("Its caption");
        assertThat(html.text()).contains("relative").contains("data").doesNotContain("//example.org/p.png");
    }

    @Test
    void aFigureWithoutAStoredImageShowsItsAltTextOrNothing() {
        String html = renderer.render("""
                Before.

                {{< figure >}}

                {{< figure alt="Nothing stored" src="photo.jpg" >}}

                ![Alone](not-a-media-reference.jpg)

                After.
                """);
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("p").eachText()).containsExactly("Before.", "Nothing stored", "Alone", "After.");
        assertThat(page.select("img")).isEmpty();
    }

    @Test
    void hostileBodiesRenderInLinearTime() {
        Duration generous = Duration.ofSeconds(10);
        String spaces = "{{<figure" + " ".repeat(500_000);
        assertThat(assertTimeoutPreemptively(generous, () -> renderer.render(spaces))).doesNotContain("ISKRAFIGURE");
        assertTimeoutPreemptively(generous, () -> text.plainText(spaces));
        String openings = "{{< figure src=\"x\" ".repeat(30_000);
        assertTimeoutPreemptively(generous, () -> renderer.render(openings));
        assertTimeoutPreemptively(generous, () -> text.plainText(openings));
    }
}
