package org.iskra.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.site.Language;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IskraIntegrationTest
class CoverageReportTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    CoverageReport report;

    @Test
    void countsCurrentOutdatedAndMissingTranslationsPerLanguageAndRegionAndListsTheWorkNewestFirst() throws Exception {
        Coverage before = report.build(List.of("en", "hy"), new Language("en"));
        ArticleMother older = ArticleMother.article().inLanguage("ru").writtenIn("ru").regions("Кавказ")
                .publishedAt(java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        ArticleMother newer = ArticleMother.article().inLanguage("ru").writtenIn("ru").regions("Кавказ");
        writer.save(older.input());
        writer.save(older.translatedInto("en").regions("Caucasus").input());
        writer.save(newer.input());
        writer.save(newer.translatedInto("en").regions("Caucasus").input());
        writer.save(newer.body("The original changed.").input());

        Coverage after = report.build(List.of("en", "hy"), new Language("en"));

        assertThat(after.originals() - before.originals()).isEqualTo(2);
        Coverage.Counts english = counts(after, "en");
        Coverage.Counts englishBefore = counts(before, "en");
        assertThat(english.current() - englishBefore.current()).isEqualTo(1);
        assertThat(english.outdated() - englishBefore.outdated()).isEqualTo(1);
        assertThat(counts(after, "hy").missing() - counts(before, "hy").missing()).isEqualTo(2);
        assertThat(after.languages()).extracting(Coverage.LanguageCoverage::name).containsExactly("English", "Armenian");
        assertThat(after.regions()).anySatisfy(r -> {
            assertThat(r.regionName()).isEqualTo("Caucasus");
            assertThat(r.language()).isEqualTo("en");
            assertThat(r.counts().outdated()).isGreaterThanOrEqualTo(1);
        });
        var mine = after.tasks().stream().filter(t -> t.originalPath().contains(newer.slug()) || t.originalPath().contains(older.slug())).toList();
        assertThat(mine).extracting(t -> t.language() + ":" + t.state())
                .containsExactly("en:outdated", "hy:missing", "hy:missing");
        assertThat(mine.get(0).originalPath()).isEqualTo("/ru/articles/" + newer.slug());
    }

    private static Coverage.Counts counts(Coverage coverage, String language) {
        return coverage.languages().stream().filter(l -> l.language().equals(language)).findFirst().orElseThrow().counts();
    }
}
