package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    @Test
    void readsYamlFrontMatterAndKeepsTheBody() throws Exception {
        FrontMatterParser.Split split = FrontMatterParser.parse("""
                ---
                title: "Война на Кавказе"
                Tags: [война, беженцы]
                ---

                ## Что произошло

                Текст.
                """);

        assertThat(split.fields()).containsEntry("title", "Война на Кавказе");
        assertThat(split.fields().get("tags")).isEqualTo(List.of("война", "беженцы"));
        assertThat(split.body()).isEqualTo("## Что произошло\n\nТекст.\n");
    }

    @Test
    void readsTomlFrontMatter() throws Exception {
        FrontMatterParser.Split split = FrontMatterParser.parse("""
                +++
                title = "Strikes"
                date = 2024-05-01T10:00:00+02:00
                tags = ["strikes", "wages"]
                draft = false
                +++
                Body
                """);

        assertThat(split.fields()).containsEntry("title", "Strikes").containsEntry("draft", false);
        assertThat(split.fields().get("tags")).isEqualTo(List.of("strikes", "wages"));
        assertThat(FrontMatter.timestamp("date", split.fields().get("date"))).hasToString("2024-05-01T10:00+02:00");
        assertThat(split.body()).isEqualTo("Body\n");
    }

    @Test
    void acceptsWindowsLineEndsAndAByteOrderMark() throws Exception {
        FrontMatterParser.Split split = FrontMatterParser.parse("\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n");

        assertThat(split.fields()).containsEntry("title", "T");
        assertThat(split.body()).isEqualTo("Body\n");
    }

    @Test
    void yamlTimestampsArriveAsDates() throws Exception {
        FrontMatterParser.Split split = FrontMatterParser.parse("---\ntitle: T\ndate: 2024-05-01\n---\n");

        assertThat(split.fields().get("date")).isInstanceOf(Date.class);
    }

    @Test
    void refusesBrokenYamlNamingTheLine() {
        assertThatThrownBy(() -> FrontMatterParser.parse("---\ntitle: T\ntags: [one, two\n---\nBody\n"))
                .isInstanceOf(FileRejected.class)
                .hasMessageStartingWith("broken YAML front matter")
                .hasMessageContaining("line");
    }

    @Test
    void refusesBrokenToml() {
        assertThatThrownBy(() -> FrontMatterParser.parse("+++\ntitle = \"T\nwhat\n+++\n"))
                .isInstanceOf(FileRejected.class)
                .hasMessageStartingWith("broken TOML front matter");
    }

    @Test
    void refusesFrontMatterThatIsNotKeyValuePairs() {
        assertThatThrownBy(() -> FrontMatterParser.parse("---\n- one\n- two\n---\n"))
                .isInstanceOf(FileRejected.class)
                .hasMessageContaining("not a set of key: value pairs");
    }

    @Test
    void refusesFrontMatterThatIsNeverClosed() {
        assertThatThrownBy(() -> FrontMatterParser.parse("---\ntitle: T\n\nBody\n"))
                .isInstanceOf(FileRejected.class)
                .hasMessage("broken front matter: no closing ---");
    }

    @Test
    void aFileWithoutFrontMatterIsAllBodyAsHugoReadsIt() throws Exception {
        FrontMatterParser.Split split = FrontMatterParser.parse("# Just Markdown\n");
        assertThat(split.fields()).isEmpty();
        assertThat(split.body()).isEqualTo("# Just Markdown\n");
    }

    @Test
    void refusesAYamlBombWithAClearReason() {
        String bomb = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n";
        assertThatThrownBy(() -> FrontMatterParser.parse(bomb))
                .isInstanceOf(FileRejected.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void neverBuildsObjectsNamedByYamlTags() {
        assertThatThrownBy(() -> FrontMatterParser.parse("---\ntitle: !!java.io.File [\"/etc/passwd\"]\n---\n"))
                .isInstanceOf(FileRejected.class);
    }
}
