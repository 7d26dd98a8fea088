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
 * A multilingual Hugo site laid out as real ones are (test resources {@code importing/hugo-site}: a hugo.toml with a
 * content folder per language, seven languages of which ja, zh-cn and he are not among the site's, placeholders for
 * untranslated pages, a page bundle, aliases, permalinks, shortcodes, a page whose YAML is broken, a draft, an HTML
 * page) imported with the real command and {@code --add-languages}, then asked for over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HugoSiteImportTest {

    @TempDir
    static Path dir;

    ImportedSite site;
    int status;
    Http http;

    @BeforeAll
    void importTheSite() throws Exception {
        Path root = ImportedSite.fixture("hugo-site", dir.resolve("site"));
        Files.write(root.resolve("content/en/posts/general-strike/strike.jpg"), TestImages.jpeg("strike", new Color(200, 40, 40)));
        Files.createDirectories(root.resolve("static/images"));
        Files.write(root.resolve("static/images/march.jpg"), TestImages.jpeg("march", new Color(40, 40, 200)));
        site = new ImportedSite();
        status = site.importing(root.toString(), "--add-languages");
        http = new Http(site.serve());
    }

    @AfterAll
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void importsEveryLanguageAndFailsOnlyTheBrokenFile() {
        String summary = site.output();
        assertThat(status).as(summary + site.errors()).isEqualTo(1);
        assertThat(summary).contains("Import finished with 1 failed file.")
                .contains("content/uk/about.md: broken YAML front matter")
                .contains("Languages added: he, ja, zh-CN")
                .containsPattern("articles: +4 created, +0 updated, +0 unchanged, +0 skipped, +0 failed")
                .containsPattern("redirects: +12 created")
                .containsPattern("translations: +10 created, +0 updated, +0 unchanged, +6 skipped, +1 failed");
    }

    @Test
    void placeholdersDraftsAndListPagesAreSkippedWithTheirReasons() {
        assertThat(site.output())
                .contains("content/ar/posts/general-strike/index.md: a placeholder for an untranslated page (untranslated: 1)")
                .contains("content/ja/about.md: a placeholder for an untranslated page (untranslated: 1)")
                .contains("content/en/posts/draft-note.md: a draft")
                .contains("content/en/_index.md: the home page's list (_index)")
                .contains("content/en/posts/_index.md: a section's list page without text of its own (_index)");
    }

    @Test
    void theDefaultContentLanguageIsTheOriginalAndEveryTranslationIsLinked() {
        JdbcClient jdbc = site.server().getBean(JdbcClient.class);
        assertThat(jdbc.sql("select original_language from article where translation_key = 'posts/general-strike'")
                .query(String.class).single()).isEqualTo("en");
        assertThat(jdbc.sql("""
                select t.language from translation t join article a on a.id = t.article_id
                 where a.translation_key = 'posts/general-strike' order by t.language""").query(String.class).list())
                .containsExactly("en", "he", "ja", "ru", "uk", "zh-CN");
        assertThat(jdbc.sql("select original_language from article where translation_key = 'about'")
                .query(String.class).single()).as("a broken translation leaves the original alone").isEqualTo("en");
    }

    @Test
    void shortcodesBecomeFiguresLinksAndTextAndTheUnknownAreCounted() {
        assertThat(site.output()).contains("Unknown shortcodes (their inner text was kept):").contains("notice: 1")
                .contains("content/en/posts/general-strike/index.md: missing image /images/gone.jpg; its alt text is shown instead");
        Document page = Jsoup.parse(http.get("/en/articles/general-strike").body());
        String body = page.select(".body").html();
        assertThat(body).doesNotContain("{{").doesNotContain("}}")
                .contains("This article was first published in our printed bulletin.")
                .contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"")
                .contains("The old union hall");
        assertThat(page.select(".body figure figcaption .caption").text()).isEqualTo("The square on the first of May");
        assertThat(page.select(".body figure figcaption .credit").text()).isEqualTo("Photo: J. Ruiz");
        assertThat(page.select(".body a[href=/en/articles/about]").text()).isEqualTo("who we are");
        assertThat(page.select("iframe")).isEmpty();
        assertThat(Jsoup.parse(http.get("/ru/articles/vseobshchaya-zabastovka").body()).select(".body a").attr("href"))
                .isEqualTo("https://x.com/workers/status/1790000000000000000");
    }

    @Test
    void oldAddressesAnswer301ToTheImportedArticle() {
        assertRedirect("/2019/05/general-strike/", "/en/articles/general-strike");
        assertRedirect("/2024/05/strike-anniversary/", "/en/articles/general-strike");
        assertRedirect("/2024/05/general-strike/", "/en/articles/general-strike");
        assertRedirect("/ru/2024/05/vseobshchaya-zabastovka/", "/ru/articles/vseobshchaya-zabastovka");
        assertRedirect("/zh-cn/2024/05/general-strike/", "/zh-CN/articles/general-strike");
        assertRedirect("/about-us/", "/en/articles/about");
        assertRedirect("/ru/about/", "/ru/articles/about");
        // an address the old site never had stays a 404
        assertThat(http.get("/2019/05/never-written/").statusCode()).isEqualTo(404);
    }

    @Test
    void anAddedLanguageIsServedInItsOwnLanguageAndDirectionWithAFallbackInterface() {
        HttpResponse<String> hebrew = http.get("/he/articles/general-strike");
        assertThat(hebrew.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(hebrew.body());
        assertThat(page.select("html").attr("lang")).as("no Hebrew bundle: the interface is in the default language").isEqualTo("en");
        assertThat(page.select("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.select("h1").attr("lang")).isEqualTo("he");
        assertThat(page.select("h1").attr("dir")).isEqualTo("rtl");
        assertThat(page.select(".body").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("nav ul.languages").text()).contains("עברית").contains("日本語").contains("中文");

        Document chinese = Jsoup.parse(http.get("/zh-CN/articles/general-strike").body());
        assertThat(chinese.select("h1").attr("lang")).isEqualTo("zh-CN");
        assertThat(chinese.select("h1").text()).isEqualTo("总罢工一周年");
        assertThat(http.get("/ja/").statusCode()).isEqualTo(200);
        assertThat(http.get("/", "Accept-Language", "zh-CN,zh;q=0.9").headers().firstValue("Location")).hasValue("/zh-CN/");
    }

    @Test
    void htmlPagesBecomeCleanTextAndAPageWithoutTitleTakesItsHeading() {
        Document picket = Jsoup.parse(http.get("/en/articles/picket-lines").body());
        assertThat(picket.select(".body li")).hasSize(2);
        assertThat(picket.select(".body blockquote").text()).isEqualTo("We stayed because we had to.");
        assertThat(picket.select(".body").html()).doesNotContain("alert");
        Document rents = Jsoup.parse(http.get("/en/articles/no-title").body());
        assertThat(rents.select("h1").text()).isEqualTo("Rents rose again");
    }

    private void assertRedirect(String from, String to) {
        HttpResponse<String> moved = http.get(from);
        assertThat(moved.statusCode()).as(from).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).as(from).hasValue(to);
        assertThat(http.get(to).statusCode()).as(to).isEqualTo(200);
    }
}
