package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Dates and plurals as each language writes them, from ICU and the message bundles. */
class LocalizedFormatsTest {

    private static final OffsetDateTime OCTOBER_5 = OffsetDateTime.parse("2026-10-05T10:00:00Z");

    private static Messages in(String language) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source, new Language(language));
    }

    @Test
    void monthNamesAreTheLanguagesOwnIncludingArmenianAndAzerbaijani() {
        assertThat(in("hy").date(OCTOBER_5)).contains("հոկտեմբերի").contains("2026");
        assertThat(in("az").date(OCTOBER_5)).contains("oktyabr").contains("2026");
        assertThat(in("ru").date(OCTOBER_5)).contains("октября");
        assertThat(in("uk").date(OCTOBER_5)).contains("жовтня");
        assertThat(in("de").date(OCTOBER_5)).isEqualTo("5. Oktober 2026");
        assertThat(in("en").date(OCTOBER_5)).isEqualTo("October 5, 2026");
    }

    @Test
    void arabicAndPersianDatesUseTheirScriptsDigits() {
        assertThat(in("ar").date(OCTOBER_5)).contains("أكتوبر");
        assertThat(in("fa").date(OCTOBER_5)).containsPattern("[۰-۹]");
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        assertThat(in("en").get("translations.originals", 1)).isEqualTo("1 published original");
        assertThat(in("en").get("translations.originals", 5)).isEqualTo("5 published originals");
        assertThat(in("ru").get("translations.originals", 1)).isEqualTo("1 опубликованный оригинал");
        assertThat(in("ru").get("translations.originals", 3)).isEqualTo("3 опубликованных оригинала");
        assertThat(in("ru").get("translations.originals", 5)).isEqualTo("5 опубликованных оригиналов");
        assertThat(in("ru").get("translations.originals", 21)).isEqualTo("21 опубликованный оригинал");
        assertThat(in("ar").get("translations.originals", 2)).isEqualTo("أصلان منشوران");
    }
}
