package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
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

@IskraIntegrationTest
class ArticlePageTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @LocalServerPort
    int port;

    Http http;
    ArticleMother russian;
    ArticleMother english;
    MediaImage photo;

    @BeforeEach
    void publishARussianOriginalWithAnEnglishTranslation() throws Exception {
        http = new Http(port);
        photo = media.store(TestImages.jpeg(1800, 1200, (int) (Math.random() * 1000)), "Фото: Российская секция", "https://example.org/photos");
        String figure = "{{< figure src=\"media:" + photo.hash() + "\" alt=\"%s\" caption=\"%s\" >}}";
        java.time.OffsetDateTime date = java.time.OffsetDateTime.parse("2026-10-05T10:00:00Z");
        russian = ArticleMother.article().publishedAt(date).inLanguage("ru").writtenIn("ru").title("Война на Кавказе")
                .standfirst("Новая война грозит всему региону.")
                .body("## Что произошло\n\n" + figure.formatted("Горы над линией фронта", "Линия фронта осенью")
                        + "\n\nТекст.\n\n## Что делать\n\nОрганизоваться.\n\n![Второе фото](media:" + photo.hash() + " \"Второй снимок\")")
                .regions("Кавказ").countries("AM", "AZ").tags("война");
        english = ArticleMother.article().publishedAt(date).inLanguage("en").writtenIn("ru").title("War in the Caucasus")
                .standfirst("A new war threatens the whole region.")
                .body("## What happened\n\n" + figure.formatted("Mountains above the front line", "The front line in autumn")
                        + "\n\nText.\n\n## What is to be done\n\nOrganize.\n\n![Second photo](media:" + photo.hash() + " \"Second picture\")")
                .regions("Caucasus").countries("AM", "AZ").tags("war");
        TranslationInput original = russian.input();
        writer.save(original);
        TranslationInput translation = english.input();
        writer.save(new TranslationInput(original.translationKey(), "en", "ru", english.slug(), translation.title(),
                translation.standfirst(), translation.body(), "Russian section", true, translation.publishedAt(), null,
                null, null, translation.regions(), translation.countries(), translation.tags(), "test"));
    }

    @Test
    void translationShowsItsTextSectionsAndCreditedFigures() {
        HttpResponse<String> response = http.get("/en/articles/" + english.slug());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        Document page = Jsoup.parse(response.body());

        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("War in the Caucasus");
        assertThat(page.select(".byline .author").text()).as("the byline in the reader's language").isEqualTo("Russian section");
        assertThat(page.select(".byline time").attr("datetime")).isEqualTo("2026-10-05");
        assertThat(page.select(".byline time").text()).isEqualTo("October 5, 2026");
        assertThat(page.select(".standfirst").text()).isEqualTo("A new war threatens the whole region.");
        assertThat(page.select(".body h2").eachAttr("id")).containsExactly("what-happened", "what-is-to-be-done");

        assertThat(page.select(".body figure")).hasSize(2);
        Element figure = page.select(".body figure").first();
        Element img = figure.selectFirst("img");
        assertThat(img.attr("alt")).isEqualTo("Mountains above the front line");
        assertThat(img.attr("width")).isEqualTo(String.valueOf(photo.width()));
        assertThat(img.attr("height")).isEqualTo(String.valueOf(photo.height()));
        assertThat(img.attr("srcset")).contains(".jpg 480w").contains(".jpg 1200w");
        assertThat(figure.select("source[type=image/webp]").attr("srcset")).contains(".webp 480w");
        assertThat(figure.select("figcaption .caption").text()).isEqualTo("The front line in autumn");
        assertThat(figure.select("figcaption .credit").text()).isEqualTo("Фото: Российская секция");
        assertThat(figure.select("figcaption .credit a").attr("href")).isEqualTo("https://example.org/photos");
        assertThat(img.hasAttr("loading")).as("the first figure is not lazy").isFalse();
        Element second = page.select(".body figure").get(1);
        assertThat(second.select("img").attr("loading")).isEqualTo("lazy");
        assertThat(second.select("figcaption .caption").text()).isEqualTo("Second picture");
    }

    @Test
    void translationSaysItWasWrittenInRussianAndLinksTheOriginal() {
        Document page = Jsoup.parse(http.get("/en/articles/" + english.slug()).body());

        Element note = page.selectFirst(".translation-note");
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("originally written in Russian").contains("original language here");
        assertThat(note.select("a").attr("href")).isEqualTo("/ru/articles/" + russian.slug());
        assertThat(page.select(".versions a").eachAttr("href")).containsExactly("/ru/articles/" + russian.slug());
    }

    @Test
    void everyVersionNamesTheOthersAndTheCanonicalAddress() {
        for (String path : new String[] {"/en/articles/" + english.slug(), "/ru/articles/" + russian.slug()}) {
            Document page = Jsoup.parse(http.get(path).body());
            assertThat(page.select("link[rel=canonical]").attr("href")).endsWith(path);
            assertThat(page.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith("/en/articles/" + english.slug());
            assertThat(page.select("link[rel=alternate][hreflang=ru]").attr("href")).endsWith("/ru/articles/" + russian.slug());
            assertThat(page.select("link[rel=alternate][hreflang=x-default]").attr("href")).endsWith("/ru/articles/" + russian.slug());
        }
    }

    @Test
    void originalHasNoTranslationNoteAndIsInRussian() {
        Document page = Jsoup.parse(http.get("/ru/articles/" + russian.slug()).body());
        assertThat(page.select("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select(".translation-note")).isEmpty();
        assertThat(page.select(".byline time").text().replaceAll("\\h", " ")).isEqualTo("5 октября 2026 г.");
        assertThat(page.select(".versions a").eachAttr("href")).containsExactly("/en/articles/" + english.slug());
    }

    @Test
    void regionsCountriesAndTagsLinkToListingsThatShowTheArticle() {
        Document page = Jsoup.parse(http.get("/en/articles/" + english.slug()).body());
        assertThat(page.select(".terms a").eachText()).contains("Caucasus", "Armenia", "Azerbaijan", "war");
        for (String href : page.select(".terms a").eachAttr("href")) {
            HttpResponse<String> listing = http.get(href);
            assertThat(listing.statusCode()).as(href).isEqualTo(200);
            assertThat(Jsoup.parse(listing.body()).select(".articles a").eachAttr("href"))
                    .as(href).contains("/en/articles/" + english.slug());
        }
        Document russianPage = Jsoup.parse(http.get("/ru/articles/" + russian.slug()).body());
        assertThat(russianPage.select(".terms a").eachText()).contains("Кавказ", "Армения", "война");
    }

    @Test
    void rawHtmlInTheBodyCannotRunAScript() throws Exception {
        ArticleMother hostile = ArticleMother.article().body("""
                ## Section

                <script>alert('x')</script><img src=x onerror="alert(1)">
                [click](javascript:alert(1)) <a href="https://example.org" onclick="alert(2)">link</a>
                <iframe src="https://example.org"></iframe>
                """);
        writer.save(hostile.input());
        String body = http.get("/en/articles/" + hostile.slug()).body();
        Document page = Jsoup.parse(body);
        assertThat(page.select("script:not([type=application/ld+json]), iframe")).isEmpty();
        assertThat(page.select("[onerror], [onclick]")).isEmpty();
        assertThat(page.select(".body a").eachAttr("href")).noneMatch(href -> href.startsWith("javascript"));
        assertThat(page.select(".body a[href=https://example.org]")).hasSize(1);
    }

    @Test
    void imagesFromElsewhereAndFiguresWithoutAStoredImageNeitherLoadNorBreakThePage() throws Exception {
        String unknown = "0".repeat(64);
        ArticleMother pasted = ArticleMother.article().body("""
                ## Section

                ![x](https://example.org/t.png)

                {{< figure >}}

                {{< figure src="media:%s" alt="Not in the library" >}}

                {{< figure src="https://example.org/f.jpg" alt="Elsewhere" caption="A caption" >}}

                Inline ![tracker](https://tracker.example.org/pixel.gif) and <img src="https://example.org/raw.png" alt="raw">.

                ![Ours](media:%s)
                """.formatted(unknown, photo.hash()));
        writer.save(pasted.input());

        HttpResponse<String> response = http.get("/en/articles/" + pasted.slug());
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("img").eachAttr("src")).isNotEmpty().allSatisfy(src -> assertThat(src).startsWith("/media/"));
        assertThat(page.select("source").eachAttr("srcset")).allSatisfy(srcset -> assertThat(srcset).startsWith("/media/"));
        assertThat(page.select(".body a").eachAttr("href")).contains("https://example.org/t.png",
                "https://example.org/f.jpg", "https://tracker.example.org/pixel.gif");
        assertThat(page.select(".body").text()).contains("Not in the library");
        assertThat(org.iskra.testsupport.HtmlChecker.errors(response.body())).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("img-src 'self' data:;").doesNotContain("https:"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("camera=()", "geolocation=()", "microphone=()"));
    }

    @Test
    void aLanguageTheArticleIsNotTranslatedIntoIsA404ThatOffersTheOthers() {
        HttpResponse<String> response = http.get("/fr/articles/" + english.slug());
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("main a[hreflang]").eachAttr("href"))
                .containsExactlyInAnyOrder("/en/articles/" + english.slug(), "/ru/articles/" + russian.slug());
    }

    @Test
    void controlCharactersNeverReachThePage() throws Exception {
        ArticleMother odd = ArticleMother.article().title("Bell\u0007 and\ttab").standfirst("Null\u0000 byte").body("Text\u001b[31m red\n\nline");
        writer.save(odd.input());
        HttpResponse<String> response = http.get("/en/articles/" + odd.slug());
        assertThat(response.body()).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Bell and tab");
        assertThat(org.iskra.testsupport.HtmlChecker.errors(response.body())).isEmpty();
    }

    @Test
    void draftsAndUnknownSlugsAreNotFoundInTheReadersLanguage() throws Exception {
        ArticleMother draft = ArticleMother.article().draft();
        writer.save(draft.input());
        HttpResponse<String> response = http.get("/en/articles/" + draft.slug());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");

        HttpResponse<String> russianMissing = http.get("/ru/articles/no-such-article");
        assertThat(russianMissing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(russianMissing.body()).select("h1").text()).isEqualTo("Страница не найдена");
        assertThat(Jsoup.parse(russianMissing.body()).select("html").attr("lang")).isEqualTo("ru");
    }
}
