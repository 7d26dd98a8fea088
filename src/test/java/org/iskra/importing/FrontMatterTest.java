package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void readsEveryKeyTheImporterUses() throws Exception {
        FrontMatter meta = FrontMatter.of(FrontMatterParser.parse("""
                ---
                title: The new war
                description: Who gains and who pays
                date: 2026-10-06T09:00:00+03:00
                lastmod: 2026-10-07T20:00:00+03:00
                draft: true
                slug: the-new-war
                translationKey: war-in-the-caucasus
                authors: [Anna, "Russian section"]
                regions: [Caucasus]
                countries: [am, AZ]
                tags: [war, refugees]
                original: true
                translatedFrom: "2026-10-07T20:00:00+03:00"
                images: [map.jpg, other.jpg]
                ---
                """).fields());

        assertThat(meta.title()).isEqualTo("The new war");
        assertThat(meta.description()).isEqualTo("Who gains and who pays");
        assertThat(meta.date()).isEqualTo(OffsetDateTime.parse("2026-10-06T06:00:00Z"));
        assertThat(meta.lastmod()).isEqualTo(OffsetDateTime.parse("2026-10-07T17:00:00Z"));
        assertThat(meta.draft()).isTrue();
        assertThat(meta.slug()).isEqualTo("the-new-war");
        assertThat(meta.translationKey()).isEqualTo("war-in-the-caucasus");
        assertThat(meta.attribution()).isEqualTo("Anna, Russian section");
        assertThat(meta.taxonomies()).containsEntry("regions", List.of("Caucasus"))
                .containsEntry("countries", List.of("am", "AZ")).containsEntry("tags", List.of("war", "refugees"));
        assertThat(meta.original()).isTrue();
        assertThat(meta.translatedFrom()).isEqualTo(OffsetDateTime.parse("2026-10-07T20:00:00+03:00"));
        assertThat(meta.image()).isEqualTo("map.jpg");
    }

    @Test
    void aSingleAuthorIsTheAttribution() throws Exception {
        assertThat(FrontMatter.of(fields("title", "T", "author", "Russian section")).attribution())
                .isEqualTo("Russian section");
        assertThat(FrontMatter.of(fields("title", "T")).attribution()).isNull();
    }

    @Test
    void acceptsDatesWithOffsetWithoutOffsetAndPlainDays() throws Exception {
        assertThat(FrontMatter.timestamp("date", "2024-05-01T10:00:00+03:00"))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00+03:00"));
        assertThat(FrontMatter.timestamp("date", "2024-05-01T10:00:00"))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00Z"));
        assertThat(FrontMatter.timestamp("date", "2024-05-01 10:00:00"))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00Z"));
        assertThat(FrontMatter.timestamp("date", "2024-05-01"))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T00:00:00Z"));
        assertThat(FrontMatter.timestamp("date", Date.from(OffsetDateTime.parse("2024-05-01T07:00:00Z").toInstant())))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T07:00:00Z"));
        assertThat(FrontMatter.timestamp("date", null)).isNull();
    }

    @Test
    void yamlDatesWithAndWithoutOffsetMeanTheSameInstantAsWritten() throws Exception {
        FrontMatter meta = FrontMatter.of(FrontMatterParser.parse(
                "---\ntitle: T\ndate: 2024-05-01T10:00:00+03:00\nlastmod: 2024-05-02T10:00:00\n---\n").fields());

        assertThat(meta.date().toInstant()).isEqualTo(OffsetDateTime.parse("2024-05-01T07:00:00Z").toInstant());
        assertThat(meta.lastmod().toInstant()).isEqualTo(OffsetDateTime.parse("2024-05-02T10:00:00Z").toInstant());
    }

    @Test
    void refusesAnUnreadableDate() {
        assertThatThrownBy(() -> FrontMatter.of(fields("title", "T", "date", "last Tuesday")))
                .isInstanceOf(FileRejected.class)
                .hasMessageContaining("date 'last Tuesday' is not a date");
    }

    @Test
    void countriesAreIsoCodesOrCountryNamesInTheTextsLanguageOrEnglish() {
        List<String> warnings = new java.util.ArrayList<>();
        MappedTerms terms = TaxonomyMap.defaults().map(java.util.Map.of("countries", List.of("RU", "Армения", "Georgia", "QQ")),
                "ru", warnings::add);
        assertThat(terms.countries()).containsExactly("RU", "AM", "GE");
        assertThat(warnings).containsExactly("country 'QQ' is neither an ISO 3166 code nor a country's name; left out");
    }

    @Test
    void aPageWithoutTitleHasNoneAndTellsWhyHugoWouldNotPublishAPlaceholder() throws Exception {
        assertThat(FrontMatter.of(fields("description", "D")).title()).isNull();
        assertThat(FrontMatter.of(fields("slug", "about", "untranslated", 1)).placeholder())
                .isEqualTo("a placeholder for an untranslated page (untranslated: 1)");
        assertThat(FrontMatter.of(fields("title", "T", "_build", java.util.Map.of("render", "never"))).placeholder())
                .isEqualTo("not rendered by Hugo (_build: render: never)");
        assertThat(FrontMatter.of(fields("title", "T", "untranslated", false)).placeholder()).isNull();
    }

    @Test
    void refusesADraftFlagThatIsNotABoolean() {
        assertThatThrownBy(() -> FrontMatter.of(fields("title", "T", "draft", "maybe")))
                .isInstanceOf(FileRejected.class)
                .hasMessageContaining("draft must be true or false");
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
