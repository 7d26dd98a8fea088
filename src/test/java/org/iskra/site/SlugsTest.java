package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void nonLatinTitlesBecomeReadableAscii() {
        assertThat(Slugs.of("Нагорный Карабах")).isEqualTo("nagornyj-karabah");
        assertThat(Slugs.of("Україна і Беларусь")).isEqualTo("ukraina-i-belarus");
        assertThat(Slugs.of("Պատերազմը Կովկասում")).isEqualTo("paterazm-kovkasum");
        assertThat(Slugs.of("Ελλάδα")).isEqualTo("ellada");
        assertThat(Slugs.of("Azərbaycan fəhlələri")).isEqualTo("azerbaycan-fehleleri");
        assertThat(Slugs.of("Türkiye'de grev")).isEqualTo("turkiye-de-grev");
    }

    @Test
    void slugsAreLowercaseWordsJoinedByHyphensAndBounded() {
        assertThat(Slugs.of("  -- Why we organize: internationally! --  ")).isEqualTo("why-we-organize-internationally");
        assertThat(Slugs.of("x".repeat(500))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(Slugs.of("!!!")).isEmpty();
        assertThat(Slugs.of(null)).isEmpty();
    }
}
