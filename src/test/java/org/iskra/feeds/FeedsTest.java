package org.iskra.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IskraIntegrationTest
class FeedsTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @Autowired
    IskraProperties properties;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void languageFeedsInAtomAndRssCarryANewArticleWithAbsoluteLinksAuthorSummaryAndFullText() throws Exception {
        ArticleMother article = ArticleMother.article().inLanguage("uk").writtenIn("uk")
                .title("Страйк на заводі").standfirst("Робітники зупинили конвеєр & вимагають підвищення.")
                .body("## Що сталося\n\nКонвеєр стоїть третій день.");
        writer.save(article.input());
        String url = properties.baseUrl() + "/uk/articles/" + article.slug();

        for (String format : List.of("atom", "rss")) {
            SyndFeed feed = parse(http.get("/uk/feed." + format).body());
            assertThat(feed.getTitle()).as(format).isEqualTo("Іскра");
            assertThat(feed.getLanguage()).as(format).isEqualTo("uk");
            assertThat(pageLink(feed)).as(format).isEqualTo(properties.baseUrl() + "/uk/");

            SyndEntry entry = entryLinkingTo(feed, url).orElseThrow(() -> new AssertionError(format + " lacks " + url));
            assertThat(entry.getTitle()).isEqualTo("Страйк на заводі");
            assertThat(entry.getAuthor()).isEqualTo("Test section");
            assertThat(entry.getDescription().getValue()).as(format)
                    .isIn("Робітники зупинили конвеєр & вимагають підвищення.", "Робітники зупинили конвеєр &amp; вимагають підвищення.");
            assertThat(entry.getContents()).hasSize(1);
            assertThat(entry.getContents().get(0).getValue()).contains("Що сталося</h2>")
                    .contains("Конвеєр стоїть третій день.");
            assertThat(entry.getPublishedDate().toInstant()).isEqualTo(article.input().publishedAt().toInstant());
            assertThat(entry.getUri()).as("a stable id that does not change with the slug")
                    .startsWith("tag:").endsWith("/uk").doesNotContain(article.slug());
            assertThat(feed.getEntries()).as(format).hasSizeLessThanOrEqualTo(FeedFiles.ENTRIES);
            for (SyndEntry any : feed.getEntries()) {
                assertThat(any.getLink()).as("links are absolute").startsWith(properties.baseUrl() + "/uk/articles/");
            }
        }
    }

    @Test
    void theRssSummaryStaysPlainTextWhenReadAsHtml() throws Exception {
        ArticleMother article = ArticleMother.article().standfirst("Why <b> is not bold & never was");
        writer.save(article.input());
        String url = properties.baseUrl() + "/en/articles/" + article.slug();

        SyndEntry rss = entryLinkingTo(parse(http.get("/en/feed.rss").body()), url).orElseThrow();
        assertThat(Jsoup.parse(rss.getDescription().getValue()).text()).isEqualTo("Why <b> is not bold & never was");
        SyndEntry atom = entryLinkingTo(parse(http.get("/en/feed.atom").body()), url).orElseThrow();
        assertThat(atom.getDescription().getType()).isEqualTo("text");
        assertThat(atom.getDescription().getValue()).isEqualTo("Why <b> is not bold & never was");
    }

    @Test
    void feedsHaveTheirContentTypesAndTheLastModifiedTimeOfTheirNewestEntry() throws Exception {
        String tag = "timing " + ArticleMother.article().key();
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        writer.save(ArticleMother.article().tags(tag).input());
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        String slug = slugOf(tag);

        HttpResponse<String> atom = http.get("/en/tags/" + slug + "/feed.atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        HttpResponse<String> rss = http.get("/en/tags/" + slug + "/feed.rss");
        assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");

        OffsetDateTime lastModified = ZonedDateTime.parse(atom.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        assertThat(lastModified).isBetween(before, after);
        assertThat(http.get("/en/tags/" + slug + "/feed.atom", "If-Modified-Since",
                atom.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void regionCountryAndTagFeedsListOnlyTheirOwnArticles() throws Exception {
        String key = ArticleMother.article().key();
        ArticleMother north = ArticleMother.article().title("North").regions("Northland " + key).tags("ice " + key).countries("IS");
        ArticleMother south = ArticleMother.article().title("South").regions("Southland " + key).tags("sand " + key).countries("NA");
        writer.save(north.input());
        writer.save(south.input());
        String northUrl = properties.baseUrl() + "/en/articles/" + north.slug();
        String southUrl = properties.baseUrl() + "/en/articles/" + south.slug();

        for (String format : List.of("atom", "rss")) {
            SyndFeed region = parse(http.get("/en/regions/northland-" + key + "/feed." + format).body());
            assertThat(region.getTitle()).isEqualTo("Iskra — Northland " + key);
            assertThat(pageLink(region)).isEqualTo(properties.baseUrl() + "/en/regions/northland-" + key);
            assertThat(links(region)).containsExactly(northUrl);

            SyndFeed tag = parse(http.get("/en/tags/sand-" + key + "/feed." + format).body());
            assertThat(tag.getTitle()).isEqualTo("Iskra — sand " + key);
            assertThat(links(tag)).containsExactly(southUrl);

            SyndFeed country = parse(http.get("/en/countries/is/feed." + format).body());
            assertThat(country.getTitle()).isEqualTo("Iskra — Iceland");
            assertThat(links(country)).contains(northUrl).doesNotContain(southUrl);
        }
        SyndFeed russianRegion = parse(http.get("/ru/countries/is/feed.atom").body());
        assertThat(russianRegion.getTitle()).isEqualTo("Искра — Исландия");
        assertThat(links(russianRegion)).as("only Russian translations").doesNotContain(northUrl);
    }

    @Test
    void aFeedHoldsTheTwentyNewestArticlesNewestFirst() throws Exception {
        String tag = "many " + ArticleMother.article().key();
        OffsetDateTime start = OffsetDateTime.parse("2026-01-01T12:00:00Z");
        for (int day = 0; day < 23; day++) {
            writer.save(ArticleMother.article().title("Day " + day).tags(tag).publishedAt(start.plusDays(day)).input());
        }
        for (String format : List.of("atom", "rss")) {
            SyndFeed feed = parse(http.get("/en/tags/" + slugOf(tag) + "/feed." + format).body());
            assertThat(feed.getEntries()).hasSize(20);
            assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Day 22");
            assertThat(feed.getEntries().get(19).getTitle()).isEqualTo("Day 3");
            assertThat(feed.getEntries()).extracting(SyndEntry::getPublishedDate).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void unknownLanguagesRegionsTagsCountriesAndFormatsAreNotFound() {
        for (String path : List.of("/xx/feed.atom", "/xx/feed.rss", "/en/feed.json", "/en/regions/no-such-region/feed.atom",
                "/en/tags/no-such-tag/feed.rss", "/en/countries/zz/feed.atom", "/en/countries/usa/feed.atom",
                "/en/countries/IS/feed.atom", "/xx/countries/is/feed.rss")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
    }

    @Test
    void atomFeedsAreValidAgainstTheAtomSchemaAndRssFeedsHaveWhatRss2Requires() throws Exception {
        String region = "Schemaland " + ArticleMother.article().key();
        writer.save(ArticleMother.article().regions(region).title("Schema & <validity>").input());
        String regionPath = "/en/regions/" + slugOf(region);

        for (String path : List.of("/en/feed.atom", regionPath + "/feed.atom", "/de/feed.atom", "/ar/feed.atom",
                "/de" + regionPath.substring(3) + "/feed.atom")) {
            String xml = http.get(path).body();
            assertThat(XmlSchemas.errors("atom-1.0.xsd", xml.getBytes(StandardCharsets.UTF_8))).as(path).isEmpty();
            Document atom = Jsoup.parse(xml, Parser.xmlParser());
            Element feed = atom.selectFirst("feed");
            assertThat(feed.attr("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(feed.select("> id")).as(path).hasSize(1);
            assertThat(feed.select("> title")).as(path).hasSize(1);
            assertThat(feed.select("> updated")).as(path).hasSize(1);
            assertThat(feed.select("> link[rel=self]").attr("href")).isEqualTo(properties.baseUrl() + path);
            for (Element entry : feed.select("> entry")) {
                assertThat(entry.select("> id")).hasSize(1);
                assertThat(entry.select("> title")).hasSize(1);
                assertThat(entry.select("> updated")).hasSize(1);
                assertThat(entry.select("> author > name")).hasSize(1);
                assertThat(entry.select("> link[rel=alternate]")).hasSize(1);
            }
        }

        for (String path : List.of("/en/feed.rss", regionPath + "/feed.rss")) {
            Document rss = Jsoup.parse(http.get(path).body(), Parser.xmlParser());
            assertThat(rss.selectFirst("rss").attr("version")).isEqualTo("2.0");
            Element channel = rss.selectFirst("rss > channel");
            assertThat(channel.select("> title").text()).isNotBlank();
            assertThat(channel.select("> link").text()).startsWith(properties.baseUrl());
            assertThat(channel.select("> description").text()).isNotBlank();
            assertThat(channel.select("> atom|link[rel=self]").attr("href")).isEqualTo(properties.baseUrl() + path);
            assertThat(channel.select("> item")).isNotEmpty();
            for (Element item : channel.select("> item")) {
                assertThat(item.select("> title").text()).isNotBlank();
                assertThat(item.select("> link").text()).startsWith(properties.baseUrl());
                assertThat(item.select("> guid").attr("isPermaLink")).isEqualTo("false");
                String pubDate = item.select("> pubDate").text();
                assertThat(ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME)).as(pubDate).isNotNull();
            }
        }
    }

    @Test
    void figuresAndLinksInTheFullTextPointBackToTheSite() throws Exception {
        MediaImage photo = media.store(TestImages.jpeg(1000, 600, (int) (Math.random() * 1000)), "Photo: a member", null);
        ArticleMother article = ArticleMother.article().body("""
                ## Pictures

                ![A crowd](media:%s "The march")

                See [the other article](/en/articles/elsewhere) and [the section below](#more).

                ## More

                Text.
                """.formatted(photo.hash()));
        writer.save(article.input());
        String url = properties.baseUrl() + "/en/articles/" + article.slug();

        SyndEntry entry = entryLinkingTo(parse(http.get("/en/feed.atom").body()), url).orElseThrow();
        Document content = Jsoup.parseBodyFragment(entry.getContents().get(0).getValue());
        assertThat(content.select("img").attr("src")).startsWith(properties.baseUrl() + "/media/");
        for (Element withSrcset : content.select("[srcset]")) {
            for (String candidate : withSrcset.attr("srcset").split(",")) {
                assertThat(candidate.strip()).startsWith(properties.baseUrl() + "/media/");
            }
        }
        assertThat(content.select("a").eachAttr("href"))
                .contains(properties.baseUrl() + "/en/articles/elsewhere", url + "#more");
        assertThat(content.select("figcaption").text()).contains("The march").contains("Photo: a member");
    }

    @Test
    void aNewArticleAppearsInTheKeptFeedAtOnce() throws Exception {
        String tag = "cache " + ArticleMother.article().key();
        ArticleMother first = ArticleMother.article().tags(tag);
        writer.save(first.input());
        String path = "/en/tags/" + slugOf(tag) + "/feed.atom";
        HttpResponse<String> kept = http.get(path);
        assertThat(http.get(path, "If-None-Match", kept.headers().firstValue("ETag").orElseThrow()).statusCode())
                .as("the feed is kept and revalidated").isEqualTo(304);

        ArticleMother second = ArticleMother.article().tags(tag);
        writer.save(second.input());
        assertThat(links(parse(http.get(path).body()))).contains(
                properties.baseUrl() + "/en/articles/" + first.slug(),
                properties.baseUrl() + "/en/articles/" + second.slug());
        assertThat(links(parse(http.get("/en/feed.rss").body()))).contains(properties.baseUrl() + "/en/articles/" + second.slug());
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    static Optional<SyndEntry> entryLinkingTo(SyndFeed feed, String url) {
        return feed.getEntries().stream().filter(e -> url.equals(e.getLink())).findFirst();
    }

    /** The page a feed follows: RSS's channel link, Atom's alternate link (ROME's getLink may give Atom's self link). */
    static String pageLink(SyndFeed feed) {
        return feed.getLinks().stream().filter(link -> "alternate".equals(link.getRel())).map(link -> link.getHref())
                .findFirst().orElse(feed.getLink());
    }

    static List<String> links(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getLink).toList();
    }

    private static String slugOf(String name) {
        return org.iskra.site.Slugs.of(name);
    }
}
