package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front page over HTTP: the newest article leads with its picture in every width the media library made, the
 * others follow by region, and the regions and tags are there to browse by. The shared application holds other
 * tests' articles, so the test publishes its own, newest of all, in a region and with a tag of its own.
 */
@IskraIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontPageTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @LocalServerPort
    int port;

    Http http;
    MediaImage figure;
    MediaImage lead;
    ArticleMother newest;
    ArticleMother older;
    String region;
    String tag;

    @BeforeAll
    void publishTwoArticlesInARegionOfTheirOwn() throws Exception {
        http = new Http(port);
        figure = media.store(TestImages.jpeg(1600, 900, 21), "Photo: test", null);
        lead = media.store(TestImages.jpeg(1200, 800, 22), "Photo: test", null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        String key = ArticleMother.article().key();
        region = "Front region " + key;
        tag = "front tag " + key;
        older = ArticleMother.article().title("The older article " + key).standfirst("What came before.")
                .regions(region).tags(tag).leadMedia(lead.id()).publishedAt(now.minusMinutes(1));
        newest = ArticleMother.article().title("The newest article " + key).standfirst("What happened today.")
                .body("Text.\n\n{{< figure src=\"media:" + figure.hash() + "\" alt=\"A crowd\" >}}\n\nMore text.")
                .regions(region).tags(tag).publishedAt(now);
        writer.save(older.input());
        writer.save(newest.input());
    }

    @Test
    void theNewestArticleLeadsWithItsPictureInEveryWidthTheFirstOneLoadedAtOnce() {
        Document page = front();
        Element story = page.selectFirst("main .lead-story");
        assertThat(story).isNotNull();
        assertThat(story.select("h2 a").attr("href")).isEqualTo("/en/articles/" + newest.slug());
        assertThat(story.select(".summary").text()).isEqualTo("What happened today.");
        assertThat(story.select("time").attr("datetime")).isNotBlank();

        Element image = story.selectFirst("picture img");
        assertThat(image).as("the first figure of its text, as it has no lead image").isNotNull();
        assertThat(image.attr("width")).isEqualTo(String.valueOf(figure.width()));
        assertThat(image.attr("height")).isEqualTo(String.valueOf(figure.height()));
        assertThat(image.attr("srcset")).isEqualTo(figure.srcset("jpeg"));
        assertThat(image.attr("src")).isEqualTo(figure.fallback().url());
        assertThat(image.attr("sizes")).isEqualTo(FrontPage.LEAD_SIZES);
        assertThat(story.select("picture source[type=image/webp]").attr("srcset")).isEqualTo(figure.srcset("webp"));
        assertThat(image.hasAttr("loading")).as("the first picture is not lazy").isFalse();
        assertThat(image.attr("fetchpriority")).isEqualTo("high");
        assertThat(page.select("main img:not([loading=lazy])")).as("only the first picture loads at once").hasSize(1);
        for (String candidate : image.attr("srcset").split(",\\s*")) {
            assertThat(http.getBytes(candidate.split(" ")[0]).statusCode()).as(candidate).isEqualTo(200);
        }
    }

    @Test
    void theOtherArticlesFollowUnderTheirRegionWhoseHeadingLeadsToTheRegionsPage() {
        Document page = front();
        Element section = page.select("main section.region").stream()
                .filter(s -> s.select("h2").text().equals(region)).findFirst().orElseThrow();
        assertThat(section.select(".card h3 a").eachAttr("href"))
                .as("the older one, and not the one that leads the page again")
                .containsExactly("/en/articles/" + older.slug());
        Element image = section.selectFirst(".card picture img");
        assertThat(image).as("the older article's lead image").isNotNull();
        assertThat(image.attr("srcset")).isEqualTo(lead.srcset("jpeg"));
        assertThat(image.attr("loading")).isEqualTo("lazy");
        assertThat(image.attr("width")).isEqualTo(String.valueOf(lead.width()));
        assertThat(section.select(".card .summary").text()).isEqualTo("What came before.");

        String regionPath = section.select("h2 a").attr("href");
        assertThat(regionPath).startsWith("/en/regions/");
        assertThat(listing(regionPath)).contains("/en/articles/" + newest.slug(), "/en/articles/" + older.slug());
        assertThat(page.select("main section.region h2 a").eachAttr("href")).as("one section per region").doesNotHaveDuplicates();
    }

    @Test
    void readersBrowseByEveryRegionAndTheMostUsedTags() {
        Document page = front();
        Element regions = page.selectFirst("main nav.browse[aria-labelledby=browse-regions]");
        Element tags = page.selectFirst("main nav.browse[aria-labelledby=browse-tags]");
        assertThat(regions.select("h2").text()).isEqualTo("Regions");
        assertThat(tags.select("h2").text()).isEqualTo("Tags");
        assertThat(regions.select("a").eachText()).contains(region, "Caucasus");

        Element ours = tags.select("a").stream().filter(a -> a.text().equals(tag)).findFirst().orElseThrow();
        assertThat(ours.attr("href")).startsWith("/en/tags/");
        assertThat(listing(ours.attr("href"))).contains("/en/articles/" + newest.slug(), "/en/articles/" + older.slug());
        String regionHref = regions.select("a").stream().filter(a -> a.text().equals(region)).findFirst().orElseThrow().attr("href");
        assertThat(listing(regionHref)).contains("/en/articles/" + older.slug());
    }

    @Test
    void theFrontPageIsKeptAndSharedLikeEveryPublicPage() {
        HttpResponse<String> first = http.get("/en/");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("public"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/en/", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void theHeaderPicksTheLanguageInADisclosureAndLabelsTheSearchVisibly() {
        Document page = Jsoup.parse(http.get("/ru/").body());
        Element picker = page.selectFirst("header.site nav.language-picker details");
        assertThat(picker.select("summary [lang=ru]").text()).isEqualTo("Русский");
        assertThat(picker.select(".languages a[hreflang=en][lang=en]").text()).isEqualTo("English");
        assertThat(picker.select(".languages a[hreflang=ar][lang=ar]").text()).isEqualTo("العربية");
        assertThat(picker.select(".languages [aria-current=page]").text()).isEqualTo("Русский");
        Element label = page.selectFirst("header.site label[for=site-search-q]");
        assertThat(label.hasClass("visually-hidden")).as("the label is seen").isFalse();
        assertThat(label.text()).isNotBlank();
    }

    private Document front() {
        HttpResponse<String> response = http.get("/en/");
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private java.util.List<String> listing(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body()).select(".articles h2 a").eachAttr("href");
    }
}
