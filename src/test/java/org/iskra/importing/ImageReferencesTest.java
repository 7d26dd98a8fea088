package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImageReferencesTest {

    private static final String HASH = "ab".repeat(32);

    @Test
    void findsMarkdownImagesAndFigureShortcodesInOrder() throws Exception {
        String body = """
                ![A map](map.jpg "The border")

                {{< figure src="front.jpg" alt="Ridges" caption="The front" attr="Photo: Anna" attrlink="https://example.org/anna" >}}

                {{% figure src='crowd.jpg' alt='Crowd' %}}
                """;

        assertThat(ImageReferences.in(body))
                .extracting(ImageReferences.Reference::kind, ImageReferences.Reference::src,
                        ImageReferences.Reference::credit, ImageReferences.Reference::creditLink)
                .containsExactly(
                        tuple(ImageReferences.Kind.MARKDOWN, "map.jpg", null, null),
                        tuple(ImageReferences.Kind.FIGURE, "front.jpg", "Photo: Anna", "https://example.org/anna"),
                        tuple(ImageReferences.Kind.FIGURE, "crowd.jpg", null, null));
    }

    @Test
    void aMarkdownImageKeepsItsAltTextAndCaptionAndPointsAtTheMedia() throws Exception {
        String body = "Before ![A map of the border](map.jpg \"The border, 2024\") after";

        assertThat(rewriteAll(body)).isEqualTo("Before ![A map of the border](media:" + HASH + " \"The border, 2024\") after");
    }

    @Test
    void aMarkdownImageInAngleBracketsMayHaveSpaces() throws Exception {
        List<ImageReferences.Reference> references = ImageReferences.in("![x](<my photo.jpg>)");

        assertThat(references).extracting(ImageReferences.Reference::src).containsExactly("my photo.jpg");
        assertThat(ImageReferences.rewrite("![x](<my photo.jpg>)", references, r -> "media:" + HASH))
                .isEqualTo("![x](media:" + HASH + ")");
    }

    @Test
    void aFigureStaysAFigureWithDoubleQuotesAndEveryAttribute() throws Exception {
        String body = "{{< figure src='front.jpg' alt='The \"front\"' caption=\"Ridges \\\"above\\\" villages\" "
                + "attr='Photo: Anna' attrlink=https://example.org/anna class=wide />}}";

        assertThat(rewriteAll(body)).isEqualTo("{{< figure src=\"media:" + HASH + "\" alt=\"The &quot;front&quot;\" "
                + "caption=\"Ridges &quot;above&quot; villages\" attr=\"Photo: Anna\" "
                + "attrlink=\"https://example.org/anna\" class=\"wide\" >}}");
    }

    @Test
    void aFigureInPercentDelimitersKeepsThem() throws Exception {
        assertThat(rewriteAll("{{% figure src=\"a.jpg\" %}}")).isEqualTo("{{% figure src=\"media:" + HASH + "\" %}}");
    }

    @Test
    void referencesTheImporterDoesNotStoreStayExactlyAsWritten() throws Exception {
        String body = "![web](https://example.org/a.jpg) {{< figure src='https://example.org/b.jpg' >}}";
        List<ImageReferences.Reference> references = ImageReferences.in(body);

        assertThat(references).hasSize(2);
        assertThat(ImageReferences.rewrite(body, references, r -> null)).isEqualTo(body);
    }

    @Test
    void examplesInFencedCodeAreNotImages() throws Exception {
        String body = """
                How to show a photo:

                ```markdown
                ![alt](photo.jpg)
                {{< figure src="photo.jpg" >}}
                ```

                ![real](real.jpg)
                """;

        assertThat(ImageReferences.in(body)).extracting(ImageReferences.Reference::src).containsExactly("real.jpg");
    }

    @Test
    void refusesAFigureWithoutSource() {
        assertThatThrownBy(() -> ImageReferences.in("{{< figure alt=\"nothing\" >}}"))
                .isInstanceOf(FileRejected.class).hasMessage("a figure shortcode has no src");
    }

    @Test
    void refusesAFigureItCannotRead() {
        assertThatThrownBy(() -> ImageReferences.in("{{< figure src=\"a.jpg\" alt=\"unclosed >}}"))
                .isInstanceOf(FileRejected.class).hasMessageStartingWith("cannot read the figure shortcode");
    }

    private static String rewriteAll(String body) throws FileRejected {
        return ImageReferences.rewrite(body, ImageReferences.in(body), r -> "media:" + HASH);
    }
}
