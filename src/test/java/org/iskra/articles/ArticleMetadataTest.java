package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What pages tell feed readers, link previews and search engines: feed links, Open Graph, schema.org JSON-LD. */
@IskraIntegrationTest
class ArticleMetadataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @Autowired
    IskraProperties properties;

    @LocalServerPort
    int port;

    Http http;
    MediaImage photo;
    ArticleMother russian;
    ArticleMother english;

    @BeforeEach
    void publishARussianOriginalWithALeadImageAndAnEnglishTranslation() throws Exception {
        http = new Http(port);
        photo = media.store(TestImages.jpeg(1600, 900, (int) (Math.random() * 1000)), "Фото: Российская секция", null);
        russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").title("Война на Кавказе")
                .standfirst("Новая война грозит всему региону.").leadMedia(photo.id())
                .publishedAt(OffsetDateTime.parse("2026-10-05T10:00:00Z")).regions("Кавказ").tags("война");
        english = russian.translatedInto("en").title("War in the Caucasus")
                .standfirst("A new war threatens the whole region.").leadMedia(photo.id())
                .publishedAt(OffsetDateTime.parse("2026-10-06T08:30:00Z")).regions("Caucasus").tags("war");
        writer.save(russian.input());
        writer.save(english.input());
    }

    @Test
    void anArticleIsSharedWithItsTitleStandfirstAddressAndLeadImage() {
        Document page = page("/en/articles/" + english.slug());
        String url = properties.baseUrl() + "/en/articles/" + english.slug();

        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:title")).isEqualTo("War in the Caucasus");
        assertThat(meta(page, "og:description")).isEqualTo("A new war threatens the whole region.");
        assertThat(meta(page, "og:url")).isEqualTo(url).isEqualTo(page.selectFirst("link[rel=canonical]").attr("href"));
        assertThat(meta(page, "og:site_name")).isEqualTo("Iskra");
        assertThat(meta(page, "og:locale")).isEqualTo("en_US");
        assertThat(page.select("meta[property=og:locale:alternate]").eachAttr("content")).containsExactly("ru_RU");
        assertThat(meta(page, "og:image")).startsWith(properties.baseUrl() + "/media/").endsWith(".jpg");
        assertThat(Integer.parseInt(meta(page, "og:image:width"))).isEqualTo(1200);
        assertThat(Integer.parseInt(meta(page, "og:image:height"))).isEqualTo(675);
        assertThat(meta(page, "article:published_time")).isEqualTo("2026-10-06T08:30:00Z");
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");

        HttpResponse<byte[]> image = http.getBytes(meta(page, "og:image").substring(properties.baseUrl().length()));
        assertThat(image.statusCode()).as("the shared image is served").isEqualTo(200);
    }

    @Test
    void withoutALeadImageTheCardIsTheSmallSummary() throws Exception {
        ArticleMother plain = ArticleMother.article();
        writer.save(plain.input());
        Document page = page("/en/articles/" + plain.slug());
        assertThat(page.select("meta[property=og:image]")).isEmpty();
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(json(page).has("image")).isFalse();
        assertThat(json(page).has("workTranslation")).as("nothing to link in one language").isFalse();
    }

    @Test
    void theTranslationsNewsArticleNamesTheOriginalAsTheWorkItTranslates() {
        JsonNode article = json(page("/en/articles/" + english.slug()));
        String url = properties.baseUrl() + "/en/articles/" + english.slug();
        String originalUrl = properties.baseUrl() + "/ru/articles/" + russian.slug();

        assertThat(article.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(article.path("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.path("url").asString()).isEqualTo(url);
        assertThat(article.path("headline").asString()).isEqualTo("War in the Caucasus");
        assertThat(article.path("description").asString()).isEqualTo("A new war threatens the whole region.");
        assertThat(article.path("inLanguage").asString()).isEqualTo("en");
        assertThat(article.path("datePublished").asString()).isEqualTo("2026-10-06T08:30:00Z");
        assertThat(OffsetDateTime.parse(article.path("dateModified").asString())).isAfterOrEqualTo(OffsetDateTime.parse("2026-10-06T08:30:00Z"));
        assertThat(article.path("author").path("@type").asString()).isEqualTo("Organization");
        assertThat(article.path("author").path("name").asString()).isEqualTo("Test section");
        assertThat(article.path("publisher").path("name").asString()).isEqualTo("Iskra");
        assertThat(article.path("image").path("url").asString()).startsWith(properties.baseUrl() + "/media/");
        assertThat(article.path("image").path("creditText").asString()).isEqualTo("Фото: Российская секция");
        assertThat(article.path("image").path("width").asInt()).isEqualTo(1200);

        assertThat(article.path("translationOfWork").path("@id").asString()).isEqualTo(originalUrl);
        assertThat(article.path("translationOfWork").path("inLanguage").asString()).isEqualTo("ru");
        assertThat(article.has("workTranslation")).isFalse();
    }

    @Test
    void theOriginalsNewsArticleNamesEveryTranslation() throws Exception {
        ArticleMother spanish = russian.translatedInto("es").title("Guerra en el Cáucaso");
        writer.save(spanish.input());
        JsonNode article = json(page("/ru/articles/" + russian.slug()));

        assertThat(article.path("inLanguage").asString()).isEqualTo("ru");
        assertThat(article.path("headline").asString()).isEqualTo("Война на Кавказе");
        assertThat(article.has("translationOfWork")).isFalse();
        List<String> translations = new java.util.ArrayList<>();
        article.path("workTranslation").forEach(translation -> translations.add(translation.path("@id").asString()));
        assertThat(translations).containsExactlyInAnyOrder(
                properties.baseUrl() + "/en/articles/" + english.slug(),
                properties.baseUrl() + "/es/articles/" + spanish.slug());
    }

    @Test
    void textThatLooksLikeMarkupCannotEndTheJsonLdScript() throws Exception {
        String title = "</script><script>alert(1)</script><!-- & \"quotes\"";
        ArticleMother hostile = ArticleMother.article().title(title).standfirst("a < b > c");
        writer.save(hostile.input());
        String html = http.get("/en/articles/" + hostile.slug()).body();
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).as("one script element, the JSON-LD").hasSize(1);
        String script = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(script).doesNotContain("<").doesNotContain(">").contains("\\u003C/script\\u003E");
        assertThat(json(page).path("headline").asString()).isEqualTo(title);
        assertThat(json(page).path("description").asString()).isEqualTo("a < b > c");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void everyPageNamesItsLanguageFeedsAndAListingAlsoItsOwn() {
        for (String path : List.of("/en/", "/en/articles/" + english.slug(), "/ru/articles/" + russian.slug(),
                "/en/regions/kavkaz", "/en/tags/vojna", "/en/countries/am", "/en/articles/no-such-article")) {
            HttpResponse<String> response = http.get(path);
            Document page = Jsoup.parse(response.body());
            String language = page.selectFirst("html").attr("lang");
            assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href")).as(path)
                    .contains("/" + language + "/feed.atom");
            assertThat(page.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href")).as(path)
                    .contains("/" + language + "/feed.rss");
            for (Element link : page.select("head link[rel=alternate][type~=application/(atom|rss)\\+xml]")) {
                assertThat(link.attr("title")).as(path).isNotBlank();
                HttpResponse<String> feed = http.get(link.attr("href"));
                assertThat(feed.statusCode()).as(link.attr("href")).isEqualTo(200);
                assertThat(feed.headers().firstValue("Content-Type")).hasValue(link.attr("type") + ";charset=UTF-8");
            }
        }
        Document region = page("/en/regions/kavkaz");
        List<String> feeds = region.select("head link[type=application/atom+xml]").eachAttr("href");
        assertThat(feeds).as("the listing's own feed first").containsExactly("/en/regions/kavkaz/feed.atom", "/en/feed.atom");
        assertThat(region.selectFirst("head link[type=application/atom+xml]").attr("title")).isEqualTo("Atom feed: Caucasus");
        assertThat(page("/ru/regions/kavkaz").selectFirst("head link[type=application/rss+xml]").attr("title"))
                .isEqualTo("Лента RSS: Кавказ");
    }

    @Test
    void listingsAndFrontPagesAreSharedAsWebsites() {
        Document front = page("/ru/");
        assertThat(meta(front, "og:type")).isEqualTo("website");
        assertThat(meta(front, "og:locale")).isEqualTo("ru_RU");
        assertThat(meta(front, "og:url")).isEqualTo(properties.baseUrl() + "/ru/");
        assertThat(meta(front, "og:site_name")).isEqualTo("Искра");
        assertThat(front.select("script[type=application/ld+json]")).isEmpty();
        assertThat(Jsoup.parse(http.get("/en/articles/no-such-article").body()).select("meta[property^=og:]"))
                .as("error pages are not for sharing").isEmpty();
    }

    private Document page(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "]");
        assertThat(meta).as(property).isNotNull();
        return meta.attr("content");
    }

    private static JsonNode json(Document page) {
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertThat(script).isNotNull();
        return JSON.readTree(script.data());
    }
}
