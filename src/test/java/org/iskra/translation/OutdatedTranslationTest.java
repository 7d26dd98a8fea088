package org.iskra.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.PublishedArticle;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One original in Russian with translations in English, Arabic and Armenian, changed twice: which translations
 * fall behind, what the translator is shown, and what readers are told.
 */
@IskraIntegrationTest
class OutdatedTranslationTest {

    private static final OffsetDateTime FIRST = OffsetDateTime.parse("2026-10-05T10:00:00Z");
    private static final OffsetDateTime SECOND = OffsetDateTime.parse("2026-10-07T18:00:00Z");
    private static final OffsetDateTime THIRD = OffsetDateTime.parse("2026-10-09T08:30:00Z");

    @Autowired
    ArticleWriter writer;

    @Autowired
    ArticleCatalog catalog;

    @Autowired
    OriginalChanges changes;

    @LocalServerPort
    int port;

    @Test
    void translationsFallBehindWhenTheOriginalChangesAndCatchUpWhenUpdatedOrMarked() throws Exception {
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").revisedAt(FIRST)
                .title("Война на Кавказе").standfirst("Бои возобновились.").body("Бои возобновились на границе в сентябре.");
        ArticleMother english = russian.translatedInto("en").title("War in the Caucasus").body("Fighting resumed in September.");
        ArticleMother arabic = russian.translatedInto("ar").title("الحرب في القوقاز").body("استؤنف القتال في سبتمبر.");
        ArticleMother armenian = russian.translatedInto("hy").title("Պատերազմը Կովկասում").body("Մարտերը վերսկսվեցին սեպտեմբերին։");
        writer.save(russian.input());
        writer.save(english.input());
        writer.save(arabic.input());
        writer.save(armenian.input());
        assertThat(outdated(russian)).isEqualTo(Map.of("ru", false, "en", false, "ar", false, "hy", false));

        // first change of the original: every translation falls behind
        writer.save(russian.revisedAt(SECOND).body("Бои возобновились на всей границе в октябре.").input());
        assertThat(outdated(russian)).isEqualTo(Map.of("ru", false, "en", true, "ar", true, "hy", true));
        OriginalChanges.Changes englishSees = changes.since("en", english.slug()).orElseThrow();
        assertThat(englishSees.outdated()).isTrue();
        assertThat(englishSees.followedRevision()).isEqualTo(1);
        assertThat(englishSees.currentRevision()).isEqualTo(2);
        assertThat(englishSees.changedAt()).isEqualTo(SECOND);
        assertThat(WordDiff.changed(englishSees.title())).isFalse();
        assertThat(englishSees.body()).contains(new DiffSegment(DiffSegment.Kind.REMOVED, "сентябре"));
        assertThat(englishSees.body()).anyMatch(s -> s.kind() == DiffSegment.Kind.ADDED && s.text().contains("октябре"));

        // the English translator updates the text; the Arabic one checks and marks it up to date
        writer.save(english.body("Fighting resumed along the whole border in October.").input());
        assertThat(writer.markUpToDate("ar", arabic.slug())).isTrue();
        assertThat(writer.markUpToDate("ar", arabic.slug())).as("already up to date").isFalse();
        assertThat(outdated(russian)).isEqualTo(Map.of("ru", false, "en", false, "ar", false, "hy", true));

        // second change of the original; Armenian arrives by import saying which revision it follows
        writer.save(russian.revisedAt(THIRD).title("Новая война на Кавказе").input());
        assertThat(outdated(russian)).isEqualTo(Map.of("ru", false, "en", true, "ar", true, "hy", true));
        writer.save(armenian.translatedFrom(SECOND).body("Մարտերը վերսկսվեցին ամբողջ սահմանով հոկտեմբերին։").input());
        assertThat(outdated(russian)).as("follows the second revision, the third is newer").containsEntry("hy", true);
        OriginalChanges.Changes armenianSees = changes.since("hy", armenian.slug()).orElseThrow();
        assertThat(armenianSees.followedRevision()).isEqualTo(2);
        assertThat(armenianSees.title()).containsExactly(
                new DiffSegment(DiffSegment.Kind.REMOVED, "Война "),
                new DiffSegment(DiffSegment.Kind.ADDED, "Новая война "),
                new DiffSegment(DiffSegment.Kind.SAME, "на Кавказе"));
        assertThat(WordDiff.changed(armenianSees.body())).isFalse();
        writer.save(armenian.translatedFrom(THIRD).input());
        assertThat(outdated(russian)).containsEntry("hy", false);

        // an unpublished change of the original does not make translations outdated
        writer.save(russian.draft().revisedAt(THIRD.plusDays(1)).body("Черновик.").input());
        assertThat(catalog.published("hy", armenian.slug()).orElseThrow().isOutdated()).isFalse();
    }

    @Test
    void readersOfAnOutdatedTranslationAreToldInTheirLanguageWithTheDateAndALinkToTheOriginal() throws Exception {
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").revisedAt(FIRST).body("Первая редакция.");
        ArticleMother arabic = russian.translatedInto("ar").title("الحرب في القوقاز").body("النسخة الأولى.");
        ArticleMother english = russian.translatedInto("en").body("First version.");
        writer.save(russian.input());
        writer.save(arabic.input());
        writer.save(english.input());
        Http http = new Http(port);
        assertThat(Jsoup.parse(http.get("/ar/articles/" + arabic.slug()).body()).select(".outdated")).isEmpty();

        writer.save(russian.revisedAt(SECOND).body("Вторая редакция.").input());

        Document page = Jsoup.parse(http.get("/ar/articles/" + arabic.slug()).body());
        assertThat(page.select(".outdated").text()).contains("عُدِّل النص الأصلي").contains("2026");
        assertThat(page.select(".outdated a").attr("href")).isEqualTo("/ru/articles/" + russian.slug());
        Document englishPage = Jsoup.parse(http.get("/en/articles/" + english.slug()).body());
        assertThat(englishPage.select(".outdated").text()).contains("changed on October 7, 2026");
        assertThat(Jsoup.parse(http.get("/ru/articles/" + russian.slug()).body()).select(".outdated")).isEmpty();
    }

    private Map<String, Boolean> outdated(ArticleMother original) {
        long articleId = catalog.published("ru", original.slug()).orElseThrow().articleId();
        return catalog.published(articleId).stream()
                .collect(Collectors.toMap(PublishedArticle::language, PublishedArticle::isOutdated));
    }
}
