package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestImages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader on a phone-sized screen in headless Chromium: what they see, where the links go, and axe-core. */
@IskraIntegrationTest
class ArticlePageBrowserIT {

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @Autowired
    ArticleCatalog catalog;

    @LocalServerPort
    int port;

    @Test
    void aReaderOfTheEnglishTranslationSeesTheFigureAndReachesTheRussianOriginal() throws Exception {
        MediaImage photo = media.store(TestImages.jpeg(1600, 1000, 7), "Photo: Russian section", null);
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").title("Война на Кавказе")
                .body("## Что произошло\n\n{{< figure src=\"media:" + photo.hash() + "\" alt=\"Горы\" caption=\"Линия фронта\" >}}\n\nТекст.");
        TranslationInput original = russian.input();
        writer.save(original);
        ArticleMother english = ArticleMother.article().inLanguage("en").writtenIn("ru").title("War in the Caucasus");
        writer.save(new TranslationInput(original.translationKey(), "en", "ru", english.slug(), "War in the Caucasus",
                "A new war threatens the region.",
                "## What happened\n\n{{< figure src=\"media:" + photo.hash() + "\" alt=\"Mountains\" caption=\"The front line\" >}}\n\nText.",
                "Russian section", true, OffsetDateTime.now(), null, null, null, null, null, null, "test"));

        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.url("/en/articles/" + english.slug()));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("War in the Caucasus");
            WebElement image = browser.driver().findElement(By.cssSelector("figure img"));
            browser.script("arguments[0].scrollIntoView()", image);
            Object loaded = browser.script("return arguments[0].complete && arguments[0].naturalWidth", image);
            assertThat(((Number) loaded).intValue()).isGreaterThan(0);
            assertThat((String) browser.script("return arguments[0].currentSrc", image)).contains(".webp");
            assertThat(browser.driver().findElement(By.cssSelector("figcaption .credit")).getText()).isEqualTo("Photo: Russian section");
            assertThat(browser.accessibilityViolations()).isEmpty();
            assertThat(browser.consoleErrors()).as("nothing refused, no header the browser does not know").isEmpty();
            browser.script("console.error('the console is watched')");
            assertThat(browser.consoleErrors()).as("the check sees errors").anyMatch(e -> e.contains("the console is watched"));
            browser.screenshot("article-en");

            browser.driver().findElement(By.cssSelector(".translation-note a")).click();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/ru/articles/" + russian.slug());
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Война на Кавказе");
            assertThat(browser.accessibilityViolations()).isEmpty();
        }
    }

    @Test
    void aRightToLeftPageIsMirroredAndAccessible() throws Exception {
        var arabic = catalog.list(ArticleListing.latest(), "ar", 1, 1).articles();
        assertThat(arabic).as("the demo content has an Arabic article").isNotEmpty();
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.url(arabic.get(0).path()));
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            WebElement heading = browser.driver().findElement(By.tagName("h1"));
            assertThat((String) browser.script("return getComputedStyle(arguments[0]).direction", heading)).isEqualTo("rtl");
            WebElement brand = browser.driver().findElement(By.cssSelector(".brand"));
            long viewport = ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
            assertThat(brand.getRect().getX()).as("the brand sits at the right edge").isGreaterThan((int) (viewport / 2));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("article-ar");
        }
    }
}
