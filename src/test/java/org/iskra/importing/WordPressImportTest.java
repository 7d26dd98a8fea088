package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.iskra.testsupport.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WordPress exports as WordPress 6 writes them (test resources): one with Polylang's translation groups, block
 * markup, a [caption], a gallery, a featured image, a draft, private and trashed posts, URL-encoded non-Latin slugs
 * and a post in a language the site lacks; one as WPML Export and Import writes it. Imported with the real command,
 * a dry run first and the same file twice, then asked for over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPressImportTest {

    @TempDir
    static Path dir;

    ImportedSite site;
    int dryRunStatus;
    String dryRun;
    int status;
    String first;
    String again;
    int wpmlStatus;
    String wpml;
    Http http;
    JdbcClient jdbc;

    @BeforeAll
    void importTheExports() throws Exception {
        Path export = ImportedSite.fixture("wordpress-polylang.xml", dir.resolve("solidarity.WordPress.2024-06-02.xml"));
        Path uploads = dir.resolve("uploads");
        Files.createDirectories(uploads.resolve("2024/05"));
        Files.write(uploads.resolve("2024/05/protest.jpg"), TestImages.jpeg("protest", new Color(180, 30, 30)));
        Files.write(uploads.resolve("2024/05/gallery-1.jpg"), TestImages.jpeg("gallery 1", new Color(30, 180, 30)));
        Files.write(uploads.resolve("2024/05/gallery-2.jpg"), TestImages.jpeg("gallery 2", new Color(30, 30, 180)));
        site = new ImportedSite();
        dryRunStatus = site.importing(export.toString(), "--uploads", uploads.toString(), "--dry-run");
        dryRun = site.output();
        status = site.importing(export.toString(), "--uploads", uploads.toString());
        first = site.output();
        site.importing(export.toString(), "--uploads=" + uploads);
        again = site.output();
        Path wpmlExport = ImportedSite.fixture("wordpress-wpml.xml", dir.resolve("wpml.xml"));
        wpmlStatus = site.importing(wpmlExport.toString());
        wpml = site.output();
        http = new Http(site.serve());
        jdbc = site.server().getBean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void importsPostsAndPagesWithTheirTranslationsAndFailsOnlyTheUnknownLanguage() {
        assertThat(status).as(first).isEqualTo(1);
        assertThat(first).contains("Import finished with 1 failed file.")
                .contains("post 62: unknown language ja")
                .containsPattern("articles: +3 created, +0 updated, +0 unchanged, +0 skipped, +0 failed")
                .containsPattern("translations: +6 created, +0 updated, +0 unchanged, +2 skipped, +1 failed")
                .containsPattern("images: +3 created")
                .contains("post 30: private").contains("post 31: in the trash")
                .contains("contact-form-7: 1");
        assertThat(jdbc.sql("""
                select t.language || ':' || t.status from translation t join article a on a.id = t.article_id
                 where a.translation_key = 'wp:solidarity.example.org:20' order by t.language""").query(String.class).list())
                .containsExactly("en:published", "ru:published", "uk:draft");
    }

    @Test
    void aDryRunReadsEverythingWritesNothingAndSaysTheSame() {
        assertThat(dryRunStatus).isEqualTo(1);
        assertThat(dryRun).startsWith("Dry run, nothing was written.")
                .containsPattern("articles: +3 created").containsPattern("translations: +6 created")
                .containsPattern("images: +3 created");
        assertThat(first).as("the dry run left nothing behind").containsPattern("articles: +3 created");
    }

    @Test
    void importingTheSameExportAgainUpdatesNothingAndDuplicatesNothing() {
        assertThat(again).containsPattern("articles: +0 created, +0 updated, +3 unchanged")
                .containsPattern("translations: +0 created, +0 updated, +6 unchanged")
                .containsPattern("redirects: +0 created, +0 updated, +\\d+ unchanged");
        assertThat(jdbc.sql("select count(*) from article where translation_key like 'wp:solidarity.example.org:%'")
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void blockMarkupAndClassicHtmlBecomeCleanArticleText() {
        Document page = Jsoup.parse(http.get("/en/articles/general-strike").body());
        assertThat(page.select("h1").text()).isEqualTo("The general strike, one year on");
        assertThat(page.select(".standfirst").text()).isEqualTo("What the strike won, and what it did not.");
        assertThat(page.select(".byline .author").text()).isEqualTo("Maria Lopez");
        var body = page.select(".body");
        assertThat(body.select("h2").text()).isEqualTo("What was won");
        assertThat(body.select("li")).hasSize(2);
        assertThat(body.select("blockquote").text()).contains("We stayed because we had to.");
        assertThat(body.select("table td").eachText()).containsExactly("Transport", "400 000", "Schools", "650 000");
        assertThat(body.select("figure figcaption .caption").text()).isEqualTo("The gate on the first morning");
        assertThat(body.select("figure img").attr("alt")).isEqualTo("Protesters at the factory gate");
        assertThat(body.select("a[href=https://www.youtube.com/watch?v=dQw4w9WgXcQ]")).hasSize(1);
        assertThat(body.text()).contains("Join the union today.").doesNotContain("tracking");
        assertThat(body.html()).doesNotContain("wp:").doesNotContain("<script").doesNotContain("onclick");
        assertThat(page.select("meta[property=og:image]").attr("content")).as("the featured image leads").contains("/media/");
    }

    @Test
    void captionsAndGalleriesBecomeFiguresAndNothingOfTheShortcodesShows() {
        Document page = Jsoup.parse(http.get("/ru/articles/vseobsaa-zabastovka").body());
        var body = page.select(".body");
        assertThat(body.select("figure")).hasSize(3);
        assertThat(body.select("figure").first().select(".caption").text()).isEqualTo("Ворота в первое утро");
        assertThat(body.select("figure img").eachAttr("alt"))
                .containsExactly("Протестующие у ворот завода", "A picket line in the rain", "");
        assertThat(body.select("figure").get(1).select(".caption").text()).isEqualTo("The first picket");
        assertThat(body.text()).doesNotContain("[").doesNotContain("contact-form").contains("сначала в порту");
        assertThat(body.select("br")).hasSize(1);
        assertThat(page.select(".byline .author").text()).isEqualTo("Иван Петров");
    }

    @Test
    void permalinksAndShortLinksAnswer301() {
        assertRedirect("/2024/05/general-strike/", "/en/articles/general-strike");
        assertRedirect("/ru/2024/05/%D0%B2%D1%81%D0%B5%D0%BE%D0%B1%D1%89%D0%B0%D1%8F-%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0/",
                "/ru/articles/vseobsaa-zabastovka");
        assertRedirect("/?p=21", "/ru/articles/vseobsaa-zabastovka");
        assertRedirect("/?page_id=40", "/en/articles/about-us");
        assertRedirect("/about-us/", "/en/articles/about-us");
        // the Ukrainian draft is not public: its short link leads to the original
        assertRedirect("/?p=22", "/en/articles/general-strike");
        assertThat(http.get("/?p=30").statusCode()).as("a private post has no address here").isEqualTo(302);
    }

    @Test
    void wpmlGroupsBecomeOneArticleWithTheSourceLanguageAsTheOriginal() {
        assertThat(wpmlStatus).as(wpml).isZero();
        assertThat(jdbc.sql("select original_language from article where translation_key = 'wp:wpml.example.org:101'")
                .query(String.class).single()).isEqualTo("es");
        assertThat(jdbc.sql("""
                select t.language || ':' || t.status from translation t join article a on a.id = t.article_id
                 where a.translation_key = 'wp:wpml.example.org:101' order by t.language""").query(String.class).list())
                .containsExactly("en:published", "es:published", "ru:published");
        assertRedirect("/ru/2024/04/%D0%B6%D0%B8%D0%BB%D0%B8%D1%89%D0%BD%D0%B0%D1%8F-%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0/",
                "/ru/articles/zilisnaa-zabastovka");
        assertThat(Jsoup.parse(http.get("/es/articles/huelga-de-inquilinos").body()).select("nav.versions a").eachAttr("hreflang"))
                .contains("en", "ru");
    }

    private void assertRedirect(String from, String to) {
        HttpResponse<String> moved = http.get(from);
        assertThat(moved.statusCode()).as(from).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).as(from).hasValue(to);
        assertThat(http.get(to).statusCode()).as(to).isEqualTo(200);
    }
}
