package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Figure shortcodes read in one pass. The bound on the hostile bodies is generous (seconds for what takes
 * milliseconds): it is there to fail on time quadratic in the body, which took minutes, not to measure.
 */
class FigureShortcodesTest {

    private static final Duration GENEROUS = Duration.ofSeconds(5);

    @Test
    void findsEachFigureWithItsAttributesInEitherForm() {
        String body = "Before {{< figure src=\"media:abc\" alt='A crowd' caption=\"The \\\"big\\\" march\" attr=Photo >}}"
                + " between {{% figure src=x.jpg %}} after {{< youtube id >}} {{<figure>}}";
        List<FigureShortcodes.Found> found = FigureShortcodes.in(body);

        assertThat(found).hasSize(3);
        assertThat(body.substring(found.get(0).start(), found.get(0).end())).startsWith("{{< figure").endsWith(">}}");
        Map<String, String> first = FigureShortcodes.attributes(found.get(0).inside());
        assertThat(first).containsEntry("src", "media:abc").containsEntry("alt", "A crowd")
                .containsEntry("caption", "The \"big\" march").containsEntry("attr", "Photo");
        assertThat(found.get(1).opener()).isEqualTo('%');
        assertThat(FigureShortcodes.attributes(found.get(1).inside())).containsEntry("src", "x.jpg");
        assertThat(found.get(2).inside()).isEmpty();
    }

    @Test
    void aFigureWordMustStandAlone() {
        assertThat(FigureShortcodes.in("{{< figures src=a >}} {{< figure_x >}}")).isEmpty();
    }

    @Test
    void anUnclosedFigureFollowedByHalfAMegabyteOfSpacesIsReadInLinearTime() {
        String body = "{{<figure" + " ".repeat(500_000);
        List<FigureShortcodes.Found> found = assertTimeoutPreemptively(GENEROUS, () -> FigureShortcodes.in(body));
        assertThat(found).isEmpty();
        String extracted = assertTimeoutPreemptively(GENEROUS, () -> FigureShortcodes.extract(body, "P", new ArrayList<>()));
        assertThat(extracted).isEqualTo(body);
    }

    @Test
    void manyUnclosedOpeningsAndHostileAttributesAreReadInLinearTime() {
        String openings = "{{<figure src=\"a".repeat(40_000);
        assertThat(assertTimeoutPreemptively(GENEROUS, () -> FigureShortcodes.in(openings))).isEmpty();

        String closedLate = "{{< figure ".repeat(40_000) + ">}}";
        assertThat(assertTimeoutPreemptively(GENEROUS, () -> FigureShortcodes.in(closedLate))).hasSize(1);

        String letters = "a".repeat(300_000) + " x=\"" + "b=\"".repeat(100_000);
        Map<String, String> attributes = assertTimeoutPreemptively(GENEROUS, () -> FigureShortcodes.attributes(letters));
        assertThat(attributes).doesNotContainKey("a".repeat(300_000));
    }
}
