package org.iskra.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IskraIntegrationTest
class SitemapTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    IskraProperties properties;

    @LocalServerPort
    int port;

    Http http;
    ArticleMother russian;
    ArticleMother english;
    ArticleMother spanish;

    @BeforeEach
    void publishARussianOriginalWithTwoTranslations() throws Exception {
        http = new Http(port);
        russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").title("Оригинал");
        english = russian.translatedInto("en").title("The translation");
        spanish = russian.translatedInto("es").title("La traducción");
        writer.save(russian.input());
        writer.save(english.input());
        writer.save(spanish.input());
    }

    @Test
    void theIndexIsAValidSitemapIndexOfOneSitemapPerLanguageWithArticles() {
        HttpResponse<String> response = http.get("/sitemap.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(XmlSchemas.errors("sitemap-0.9.xsd", bytes(response))).isEmpty();

        Document index = xml(response);
        assertThat(index.selectFirst("sitemapindex").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locations = index.select("sitemapindex > sitemap > loc").eachText();
        assertThat(locations).contains(properties.baseUrl() + "/sitemap-ru.xml", properties.baseUrl() + "/sitemap-en.xml",
                properties.baseUrl() + "/sitemap-es.xml");
        for (String language : properties.languages()) {
            int urls = xml(http.get("/sitemap-" + language + ".xml")).select("urlset > url").size();
            assertThat(locations.contains(properties.baseUrl() + "/sitemap-" + language + ".xml"))
                    .as("listed exactly when " + language + " has more than its front page").isEqualTo(urls > 1);
        }
        assertThat(index.select("sitemap > lastmod").eachText()).allSatisfy(date -> OffsetDateTime.parse(date));
        for (String location : locations) {
            String path = location.substring(properties.baseUrl().length());
            HttpResponse<String> sitemap = http.get(path);
            assertThat(sitemap.statusCode()).as(path).isEqualTo(200);
            assertThat(XmlSchemas.errors("sitemap-0.9.xsd", bytes(sitemap))).as(path).isEmpty();
        }
    }

    @Test
    void aLanguageSitemapListsEachVersionOfAnArticleWithItsAlternatesAndTheOriginalAsDefault() {
        HttpResponse<String> response = http.get("/sitemap-en.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(XmlSchemas.errors("sitemap-0.9.xsd", bytes(response))).isEmpty();
        Document sitemap = xml(response);
        Element urlset = sitemap.selectFirst("urlset");
        assertThat(urlset.attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(urlset.attr("xmlns:xhtml")).isEqualTo("http://www.w3.org/1999/xhtml");

        Element url = urlFor(sitemap, "/en/articles/" + english.slug());
        assertThat(url).isNotNull();
        assertThat(OffsetDateTime.parse(url.selectFirst("lastmod").text())).isNotNull();
        assertThat(alternates(url)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "en", properties.baseUrl() + "/en/articles/" + english.slug(),
                "es", properties.baseUrl() + "/es/articles/" + spanish.slug(),
                "ru", properties.baseUrl() + "/ru/articles/" + russian.slug(),
                "x-default", properties.baseUrl() + "/ru/articles/" + russian.slug()));
        assertThat(sitemap.select("url > loc").eachText()).as("only English pages")
                .allMatch(loc -> loc.startsWith(properties.baseUrl() + "/en/"))
                .contains(properties.baseUrl() + "/en/")
                .doesNotHaveDuplicates();
    }

    @Test
    void theSitemapNamesTheSameAlternatesAsEachPageDoes() {
        for (String language : List.of("en", "ru", "es")) {
            Document sitemap = xml(http.get("/sitemap-" + language + ".xml"));
            List<Element> urls = sitemap.select("urlset > url");
            assertThat(urls).hasSizeGreaterThan(1);
            for (Element url : urls) {
                String loc = url.selectFirst("loc").text();
                HttpResponse<String> page = http.get(loc.substring(properties.baseUrl().length()));
                assertThat(page.statusCode()).as(loc).isEqualTo(200);
                Document html = Jsoup.parse(page.body());
                Map<String, String> onThePage = new TreeMap<>();
                html.select("head link[rel=alternate][hreflang]").forEach(link -> onThePage.put(link.attr("hreflang"), link.attr("href")));
                assertThat(alternates(url)).as(loc).isEqualTo(onThePage);
                assertThat(html.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(loc);
            }
        }
    }

    @Test
    void frontPagesNameEachOtherAndDraftsAreNotListed() throws Exception {
        ArticleMother draft = ArticleMother.article().draft();
        writer.save(draft.input());
        Document sitemap = xml(http.get("/sitemap-ru.xml"));
        Element front = urlFor(sitemap, "/ru/");
        assertThat(alternates(front)).containsEntry("ru", properties.baseUrl() + "/ru/")
                .containsEntry("en", properties.baseUrl() + "/en/")
                .containsEntry("x-default", properties.baseUrl() + "/en/");
        assertThat(xml(http.get("/sitemap-en.xml")).select("loc").eachText()).doesNotContain(properties.baseUrl() + "/en/articles/" + draft.slug());
    }

    @Test
    void anArticleInOneLanguageOnlyHasNoAlternates() throws Exception {
        ArticleMother alone = ArticleMother.article();
        writer.save(alone.input());
        Element url = urlFor(xml(http.get("/sitemap-en.xml")), "/en/articles/" + alone.slug());
        assertThat(url.select("xhtml|link")).isEmpty();
    }

    @Test
    void aNewTranslationAppearsInTheKeptSitemapsOfItsSiblings() throws Exception {
        xml(http.get("/sitemap-en.xml"));
        ArticleMother french = russian.translatedInto("fr").title("La traduction");
        writer.save(french.input());
        Element url = urlFor(xml(http.get("/sitemap-en.xml")), "/en/articles/" + english.slug());
        assertThat(alternates(url)).containsEntry("fr", properties.baseUrl() + "/fr/articles/" + french.slug());
        assertThat(xml(http.get("/sitemap.xml")).select("loc").eachText()).contains(properties.baseUrl() + "/sitemap-fr.xml");
    }

    @Test
    void unknownLanguagesAndPartsHaveNoSitemap() {
        for (String path : List.of("/sitemap-xx.xml", "/sitemap-en-2.xml", "/sitemap-en-1.xml", "/sitemap-en-01.xml", "/sitemap-.xml")) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String language : properties.languages()) {
            assertThat(http.get("/sitemap-" + language + ".xml").statusCode()).as("every language has its front page").isEqualTo(200);
        }
    }

    @Test
    void robotsTxtAllowsEverythingButTheBackOfficeAndNamesTheSitemap() {
        HttpResponse<String> robots = http.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(robots.body().lines().toList()).containsSubsequence("User-agent: *", "Disallow: /admin/")
                .contains("Sitemap: " + properties.baseUrl() + "/sitemap.xml")
                .noneMatch(line -> line.equals("Disallow: /"));
    }

    private static Element urlFor(Document sitemap, String path) {
        return sitemap.select("urlset > url").stream()
                .filter(url -> url.selectFirst("loc").text().endsWith(path))
                .findFirst().orElse(null);
    }

    private static Map<String, String> alternates(Element url) {
        Map<String, String> alternates = new TreeMap<>();
        for (Element link : url.select("xhtml|link")) {
            assertThat(link.attr("rel")).isEqualTo("alternate");
            alternates.put(link.attr("hreflang"), link.attr("href"));
        }
        return alternates;
    }

    private static Document xml(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body(), Parser.xmlParser());
    }

    private static byte[] bytes(HttpResponse<String> response) {
        return response.body().getBytes(StandardCharsets.UTF_8);
    }
}
