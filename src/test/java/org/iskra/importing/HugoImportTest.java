package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.iskra.site.IskraProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports a Hugo folder built in the test into the real database and checks what was stored. Every test uses its
 * own names (a random token), because the database may be shared with other tests (PostgreSQL).
 */
@ImportTest
class HugoImportTest {

    @Autowired
    ArchiveImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IskraProperties properties;

    @TempDir
    Path dir;

    String token;
    String caucasus;
    String strikes;
    byte[] frontPhoto;
    byte[] borderMap;
    byte[] crowd;

    @BeforeEach
    void uniqueNames() {
        token = UUID.randomUUID().toString().substring(0, 8);
        caucasus = "articles/caucasus-" + token;
        strikes = "strikes-" + token;
        frontPhoto = TestImages.jpegWithGps("front " + token, new Color(120, 60, 40));
        borderMap = TestImages.jpeg("map " + token, new Color(40, 60, 120));
        crowd = TestImages.jpeg("crowd " + token, new Color(40, 120, 60));
    }

    /**
     * A Russian original with its English translation by file name, sharing a GPS-tagged figure with a credit and a
     * map; a Russian/English pair by folder with an image from static/; a TOML page; and three bad files.
     */
    HugoFolder content() {
        HugoFolder folder = HugoFolder.create(dir);
        folder.file(caucasus + "/index.ru.md").frontMatter("""
                title: "Новая война на Кавказе"
                description: "Кто выигрывает и кто платит"
                date: 2026-10-06T09:00:00+03:00
                slug: "Новая война %s"
                original: true
                author: "Российская секция"
                regions: [Кавказ]
                countries: [am, AZ]
                tags: [война, беженцы]
                """.formatted(token)).body("""
                ## Что произошло

                {{< figure src="front.jpg" alt="Горные хребты" caption="Фронт идёт по хребтам" attr="Фото: Анна" attrlink="https://example.org/anna" >}}

                ![Карта границы](map.jpg "Граница")
                """);
        folder.file(caucasus + "/index.en.md").frontMatter("""
                title: "The new war in the Caucasus"
                description: "Who gains and who pays"
                date: 2026-10-07T09:00:00+03:00
                slug: "the-new-war-%s"
                author: "Russian section"
                regions: [Caucasus]
                countries: [AM, AZ]
                tags: [war, refugees]
                """.formatted(token)).body("""
                ## What happened

                {{< figure src='front.jpg' alt='Mountain ridges' caption='The front runs along the "ridges"' attr='Photo: Anna' attrlink='https://example.org/anna' >}}

                ![Map of the border](map.jpg "The border")
                """);
        folder.image(caucasus + "/front.jpg", frontPhoto).image(caucasus + "/map.jpg", borderMap);

        folder.file("ru/" + strikes + ".md").frontMatter("""
                title: "Забастовки"
                original: true
                date: 2026-09-01
                """).body("![Толпа](/images/crowd-%s.jpg)\n".formatted(token));
        folder.file("en/" + strikes + ".md").frontMatter("""
                title: "Strikes"
                date: 2026-09-02
                """).body("![Crowd](/images/crowd-%s.jpg)\n".formatted(token));
        folder.image("static/images/crowd-" + token + ".jpg", crowd);

        folder.file("notes/toml-" + token + ".en.md").tomlFrontMatter("""
                title = "Written in TOML"
                date = 2026-08-01T12:00:00Z
                tags = ["toml"]
                """).body("Plain text.\n");

        folder.raw("broken-" + token + "/index.en.md", "---\ntitle: Broken\ntags: [one, two\n---\nBody\n");
        folder.file("missing-" + token + ".en.md").frontMatter("title: Missing").body("![gone](nowhere.jpg)\n");
        folder.file("oddity-" + token + ".xx.md").frontMatter("title: Odd").body("Text\n");
        return folder;
    }

    @Test
    void importsOriginalsTranslationsAndImagesAndReportsEachBadFile() throws Exception {
        ImportSummary summary = importer.importFolder(content().root());

        assertThat(summary.articles()).isEqualTo(new ImportSummary.Counts(4, 0, 0, 0, 2));
        assertThat(summary.translations()).isEqualTo(new ImportSummary.Counts(6, 0, 0, 0, 2));
        assertThat(summary.images()).isEqualTo(new ImportSummary.Counts(3, 0, 0, 0, 1));
        assertThat(summary.failures()).extracting(ImportSummary.FileOutcome::path)
                .containsExactly("broken-" + token + "/index.en.md", "oddity-" + token + ".xx.md");
        assertThat(summary.failures()).extracting(ImportSummary.FileOutcome::reason).satisfiesExactly(
                broken -> assertThat(broken).startsWith("broken YAML front matter: expected ',' or ']'").contains("(line 4)"),
                unknown -> assertThat(unknown).startsWith("unknown language xx"));
        assertThat(summary.warnings()).extracting(ImportSummary.Warning::path, ImportSummary.Warning::message)
                .containsExactly(tuple("missing-" + token + ".en.md", "missing image nowhere.jpg; its alt text is shown instead"));
        assertThat(summary.exitStatus()).isEqualTo(1);
    }

    @Test
    void theOriginalAndItsTranslationShareOneArticleAndEachImageIsStoredOnce() throws Exception {
        importer.importFolder(content().root());

        Article article = article(caucasus);
        assertThat(article.originalLanguage()).isEqualTo("ru");
        assertThat(article.attribution()).isEqualTo("Российская секция");
        assertThat(translations(article.id())).containsExactly(
                tuple("en", "the-new-war-" + token, "published"),
                tuple("ru", "novaa-vojna-" + token, "published"));

        String front = sha256(frontPhoto);
        String map = sha256(borderMap);
        assertThat(jdbc.sql("select count(*) from media where content_hash in (?, ?)").params(front, map)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select credit, credit_link from media where content_hash = ?").param(front)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).single())
                .isEqualTo(tuple("Фото: Анна", "https://example.org/anna"));
        assertThat(article.leadMediaId()).isEqualTo(mediaId(front));

        assertThat(body(article.id(), "ru")).isEqualTo("""
                ## Что произошло

                {{< figure src="media:%s" alt="Горные хребты" caption="Фронт идёт по хребтам" attr="Фото: Анна" attrlink="https://example.org/anna" >}}

                ![Карта границы](media:%s "Граница")
                """.formatted(front, map));
        assertThat(body(article.id(), "en")).isEqualTo("""
                ## What happened

                {{< figure src="media:%s" alt="Mountain ridges" caption="The front runs along the &quot;ridges&quot;" attr="Photo: Anna" attrlink="https://example.org/anna" >}}

                ![Map of the border](media:%s "The border")
                """.formatted(front, map));
    }

    @Test
    void storesTheMetadataOfTheOriginal() throws Exception {
        importer.importFolder(content().root());

        Article article = article(caucasus);
        assertThat(jdbc.sql("select country_code from article_country where article_id = ? order by position")
                .param(article.id()).query(String.class).list()).containsExactly("AM", "AZ");
        assertThat(jdbc.sql("select standfirst from revision r join translation t on t.id = r.translation_id"
                        + " where t.article_id = ? and t.language = 'ru'")
                .param(article.id()).query(String.class).single()).isEqualTo("Кто выигрывает и кто платит");
        assertThat(jdbc.sql("select published_at from translation where article_id = ? and language = 'ru'")
                .param(article.id()).query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-10-06T09:00:00+03:00").toInstant());
        assertThat(jdbc.sql("select r.id from revision r join translation t on t.id = r.translation_id"
                        + " where t.article_id = ? and t.language = 'ru'").param(article.id()).query(Long.class).single())
                .as("the English translation follows the Russian original's revision")
                .isEqualTo(jdbc.sql("select source_revision_id from translation where article_id = ? and language = 'en'")
                        .param(article.id()).query(Long.class).single());
    }

    @Test
    void readsTheFolderLayoutAbsoluteImagePathsAndTomlFrontMatter() throws Exception {
        importer.importFolder(content().root());

        Article byFolder = article(strikes);
        assertThat(byFolder.originalLanguage()).isEqualTo("ru");
        assertThat(translations(byFolder.id())).containsExactly(
                tuple("en", strikes, "published"), tuple("ru", strikes, "published"));
        assertThat(byFolder.leadMediaId()).isEqualTo(mediaId(sha256(crowd)));
        assertThat(body(byFolder.id(), "en")).isEqualTo("![Crowd](media:" + sha256(crowd) + ")\n");

        Article toml = article("notes/toml-" + token);
        assertThat(toml.originalLanguage()).isEqualTo("en");
        assertThat(jdbc.sql("select published_at from translation where article_id = ?").param(toml.id())
                .query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-08-01T12:00:00Z").toInstant());
    }

    @Test
    void badFilesLeaveNothingBehind() throws Exception {
        importer.importFolder(content().root());

        assertThat(jdbc.sql("select count(*) from article where translation_key in (?, ?)")
                .params("broken-" + token, "oddity-" + token).query(Long.class).single())
                .isZero();
        assertThat(body(article("missing-" + token).id(), "en")).as("a missing image becomes its alt text").isEqualTo("gone\n");
    }

    @Test
    void importingTheSameFolderAgainChangesNothing() throws Exception {
        HugoFolder folder = content();
        importer.importFolder(folder.root());
        long[] before = rowCounts();

        ImportSummary again = importer.importFolder(folder.root());

        assertThat(again.articles()).isEqualTo(new ImportSummary.Counts(0, 0, 4, 0, 2));
        assertThat(again.translations()).isEqualTo(new ImportSummary.Counts(0, 0, 6, 0, 2));
        assertThat(again.images()).isEqualTo(new ImportSummary.Counts(0, 0, 3, 0, 1));
        assertThat(again.redirects().created()).isZero();
        assertThat(rowCounts()).containsExactly(before);
    }

    @Test
    void aChangedFileMakesOneNewRevisionAndNoDuplicate() throws Exception {
        HugoFolder folder = content();
        importer.importFolder(folder.root());
        long[] before = rowCounts();

        folder.file(caucasus + "/index.en.md").frontMatter("""
                title: "The new war in the Caucasus"
                description: "Who gains and who pays"
                date: 2026-10-07T09:00:00+03:00
                slug: "the-new-war-%s"
                author: "Russian section"
                regions: [Caucasus]
                countries: [AM, AZ]
                tags: [war, refugees]
                """.formatted(token)).body("## What happened\n\nA corrected text.\n");
        ImportSummary summary = importer.importFolder(folder.root());

        assertThat(summary.translations()).isEqualTo(new ImportSummary.Counts(0, 1, 5, 0, 2));
        assertThat(summary.articles()).isEqualTo(new ImportSummary.Counts(0, 1, 3, 0, 2));
        long[] after = rowCounts();
        assertThat(after[0]).as("articles").isEqualTo(before[0]);
        assertThat(after[1]).as("translations").isEqualTo(before[1]);
        assertThat(after[2]).as("revisions").isEqualTo(before[2] + 1);
        assertThat(after[3]).as("media").isEqualTo(before[3]);
        Article article = article(caucasus);
        assertThat(jdbc.sql("select r.number from revision r join translation t on t.id = r.translation_id"
                        + " where t.article_id = ? and t.language = 'en' order by r.number")
                .param(article.id()).query(Integer.class).list()).containsExactly(1, 2);
        assertThat(body(article.id(), "en")).isEqualTo("## What happened\n\nA corrected text.\n");
    }

    @Test
    void aTranslationWhoseOriginalCannotBeReadStillImportsAndTheNextPageStandsAsOriginal() throws Exception {
        HugoFolder folder = HugoFolder.create(dir);
        folder.raw("rent-" + token + "/index.ru.md", "---\ntitle: [Аренда\n---\nТекст\n");
        folder.file("rent-" + token + "/index.en.md").frontMatter("title: Rent\ndate: 2026-01-02").body("Text\n");
        folder.file("rent-" + token + "/index.uk.md").frontMatter("title: Оренда\ndate: 2026-01-03").body("Текст\n");

        ImportSummary summary = importer.importFolder(folder.root());

        assertThat(summary.failures()).extracting(ImportSummary.FileOutcome::path).containsExactly("rent-" + token + "/index.ru.md");
        Article article = article("rent-" + token);
        assertThat(article.originalLanguage()).isEqualTo("en");
        assertThat(translations(article.id())).extracting(t -> t.toList().get(0)).containsExactly("en", "uk");
    }

    @Test
    void theFrontMattersImageIsTheLeadImageAndDraftsStayDraftsWhenAskedFor() throws Exception {
        HugoFolder folder = HugoFolder.create(dir);
        folder.file("lead-" + token + "/index.en.md")
                .frontMatter("title: Lead\ndraft: true\nimages: [cover.jpg]")
                .body("![first in body](map.jpg)\n");
        folder.image("lead-" + token + "/cover.jpg", crowd).image("lead-" + token + "/map.jpg", borderMap);

        ImportSummary skipped = importer.importFolder(folder.root());
        assertThat(skipped.skipped()).extracting(ImportSummary.FileOutcome::reason)
                .containsExactly("a draft (draft: true; import with --drafts to bring drafts in)");

        ImportSummary summary = importer.run(ImportOptions.of(folder.root()).withDrafts(), ImportProgress.NONE);

        assertThat(summary.succeeded()).isTrue();
        Article article = article("lead-" + token);
        assertThat(article.leadMediaId()).isEqualTo(mediaId(sha256(crowd)));
        assertThat(translations(article.id())).containsExactly(tuple("en", "lead-" + token, "draft"));
    }

    @Test
    void aFigureWhoseCreditLinkIsNotAWebAddressIsAWarningAndItsAltTextIsShown() throws Exception {
        HugoFolder folder = HugoFolder.create(dir);
        folder.file("credit-" + token + ".en.md").frontMatter("title: Credit")
                .body("{{< figure src=\"photo.jpg\" alt=\"A crowd\" attr=\"Anna\" attrlink=\"javascript:alert(1)\" >}}\n");
        folder.file("fine-" + token + ".en.md").frontMatter("title: Fine").body("Text\n");
        folder.image("photo.jpg", crowd);

        ImportSummary summary = importer.importFolder(folder.root());

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.warnings()).extracting(ImportSummary.Warning::path, ImportSummary.Warning::message)
                .containsExactly(tuple("credit-" + token + ".en.md",
                        "image photo.jpg: credit link must be an http or https URL; its alt text is shown instead"));
        assertThat(summary.translations().created()).isEqualTo(2);
        assertThat(summary.images().failed()).isEqualTo(1);
        assertThat(body(article("credit-" + token).id(), "en")).isEqualTo("A crowd\n");
    }

    @Test
    void aFileThatIsNoImageIsAWarningOnThePagesShowingIt() throws Exception {
        HugoFolder folder = HugoFolder.create(dir);
        folder.file("fake-" + token + "/index.en.md").frontMatter("title: Fake\ndate: 2026-01-01").body("![x](photo.jpg)\n");
        folder.file("fake-" + token + "/index.ru.md").frontMatter("title: Фальшивка\ndate: 2026-01-02").body("![x](photo.jpg)\n");
        folder.raw("fake-" + token + "/photo.jpg", "not a picture at all");
        folder.file("fine-" + token + ".en.md").frontMatter("title: Fine").body("Text\n");

        ImportSummary summary = importer.importFolder(folder.root());

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.warnings()).extracting(ImportSummary.Warning::path)
                .containsExactly("fake-" + token + "/index.en.md", "fake-" + token + "/index.ru.md");
        assertThat(summary.warnings().get(0).message()).startsWith("image photo.jpg cannot be used: ");
        assertThat(summary.images()).isEqualTo(new ImportSummary.Counts(0, 0, 0, 0, 1));
        assertThat(summary.translations().created()).isEqualTo(3);
    }

    @Test
    void storedMediaFilesCarryNoExifOrGpsPosition() throws Exception {
        assertThat(TestImages.contains(frontPhoto, "Exif")).as("the test photo carries Exif").isTrue();
        assertThat(TestImages.contains(frontPhoto, TestImages.GPS_MARKER)).as("the test photo carries GPS").isTrue();

        importer.importFolder(content().root());

        List<Path> files;
        // the media folder: the search index next to it rewrites its files while this reads them
        // the variants this node keeps on its disk, as it serves them (the database holds the same bytes)
        try (Stream<Path> walk = Files.walk(properties.data().resolve("media-cache"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".db"))
                    .filter(file -> !file.getFileName().toString().endsWith(".trace.db"))
                    .toList();
        }
        assertThat(files).as("media files under the data folder").isNotEmpty();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(TestImages.contains(bytes, "Exif")).as("Exif in " + file).isFalse();
            assertThat(TestImages.contains(bytes, TestImages.GPS_MARKER)).as("GPS position in " + file).isFalse();
        }
    }

    record Article(long id, String originalLanguage, String attribution, Long leadMediaId) {
    }

    Article article(String translationKey) {
        return jdbc.sql("select id, original_language, attribution, lead_media_id from article where translation_key = ?")
                .param(translationKey).query(Article.class).single();
    }

    List<org.assertj.core.groups.Tuple> translations(long articleId) {
        return jdbc.sql("select language, slug, status from translation where article_id = ? order by language")
                .param(articleId)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    String body(long articleId, String language) {
        return jdbc.sql("""
                select r.body from revision r join translation t on t.id = r.translation_id
                 where t.article_id = ? and t.language = ? order by r.number desc fetch first 1 rows only""")
                .params(articleId, language).query(String.class).single();
    }

    long mediaId(String hash) {
        return jdbc.sql("select id from media where content_hash = ?").param(hash).query(Long.class).single();
    }

    long[] rowCounts() {
        return Stream.of("article", "translation", "revision", "media", "media_variant")
                .mapToLong(table -> jdbc.sql("select count(*) from " + table).query(Long.class).single())
                .toArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
