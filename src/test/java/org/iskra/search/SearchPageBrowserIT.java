package org.iskra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader searching from the header of any page, in headless Chromium, and axe-core on what they get. */
@IskraIntegrationTest
class SearchPageBrowserIT {

    @Autowired
    ArticleWriter writer;

    @LocalServerPort
    int port;

    @Test
    void aReaderSearchesFromTheHeaderAndNarrowsTheResults() throws Exception {
        String word = "qbrowser" + Long.toString(System.nanoTime() % 100_000, 36);
        ArticleMother article = ArticleMother.article().title("Organizing " + word).regions("Browser region")
                .tags("browser tag").body("Workers organizing against " + word + " & <friends>.");
        writer.save(article.input());
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!http.get("/api/search?lang=en&q=" + word).body().contains(article.slug()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        try (Browser browser = Browser.open()) {
            browser.driver().get(http.url("/en/"));
            WebElement box = browser.driver().findElement(By.cssSelector("header form[role=search] input[name=q]"));
            box.sendKeys(word);
            box.submit();
            navigated(browser, "/en/search?q=" + word);
            assertThat(browser.driver().findElement(By.cssSelector(".results h2 a")).getText()).isEqualTo("Organizing " + word);
            assertThat(browser.driver().findElement(By.cssSelector(".results mark")).getText()).isEqualTo(word);
            assertThat(browser.accessibilityViolations()).isEmpty();

            browser.driver().findElement(By.cssSelector(".search-filters summary")).click();
            browser.driver().findElement(By.cssSelector("#search-all")).click();
            browser.driver().findElement(By.cssSelector(".search-filters button[type=submit]")).click();
            navigated(browser, "all=1");
            assertThat(browser.accessibilityViolations()).as("with the filters open").isEmpty();
            browser.screenshot("search-en");

            browser.driver().get(http.url("/ar/search?all=1&q=" + word));
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.driver().findElement(By.cssSelector(".results h2")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.accessibilityViolations()).as("right to left, a result in English").isEmpty();
        }
    }

    /** A click on a submit button returns before the next page has loaded. */
    private static void navigated(Browser browser, String urlPart) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().contains(urlPart) && "complete".equals(
                        ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }
}
