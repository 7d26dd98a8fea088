package org.iskra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.iskra.articles.ArticleCatalog;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The subscription block under an article and the newsletter page in headless Chromium on a phone-sized screen:
 * axe-core finds nothing, folded or unfolded, left-to-right or right-to-left; what the block sends comes back as the
 * full form, filled in, and confirming it leads to "check your inbox", as does the page's own form.
 */
@IskraIntegrationTest
class NewsletterBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleCatalog catalog;

    @Test
    void theBlockAndThePageHaveNoAccessibilityViolationsAndTheBlockLeadsToTheFilledInForm() throws Exception {
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            for (String lang : new String[] {"ar", "en"}) {
                String slug = catalog.list(org.iskra.articles.ArticleListing.latest(), lang, 1, 1).articles().get(0).slug();
                String path = "/" + lang + "/articles/" + slug;
                browser.driver().get(http.url(path));
                WebElement form = browser.driver().findElement(By.cssSelector("form.newsletter-block"));
                browser.script("arguments[0].scrollIntoView()", form);
                assertThat(browser.accessibilityViolations()).as(lang + " folded").isEmpty();
                form.findElement(By.tagName("summary")).click();
                assertThat(browser.accessibilityViolations()).as(lang + " unfolded").isEmpty();
                browser.screenshot("newsletter-block-" + lang);
                String email = "block-reader-" + lang + "@example.org";
                form.findElement(By.id("newsletter-block-email")).sendKeys(email);
                form.findElement(By.cssSelector("button[type=submit]")).click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.newsletter")));
                assertThat(browser.driver().findElement(By.id("newsletter-email")).getAttribute("value")).isEqualTo(email);
                assertThat(browser.accessibilityViolations()).as(lang + " confirming").isEmpty();
                browser.driver().findElement(By.cssSelector("form.newsletter button[type=submit]")).click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                        .until(ExpectedConditions.urlContains("/" + lang + "/newsletter/thanks"));
            }

            browser.driver().get(http.url("/fa/newsletter"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.driver().get(http.url("/en/newsletter"));
            browser.driver().findElement(By.id("newsletter-email")).sendKeys("reader@example.org");
            browser.driver().findElement(By.id("newsletter-language-en")).click();
            browser.script("document.querySelector('form.newsletter').noValidate = true");
            browser.driver().findElement(By.cssSelector("form.newsletter button[type=submit]")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("newsletter-languages-error")));
            assertThat(browser.accessibilityViolations()).as("with errors").isEmpty();
            browser.driver().findElement(By.id("newsletter-language-de")).click();
            browser.driver().findElement(By.cssSelector("form.newsletter button[type=submit]")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/en/newsletter/thanks"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("newsletter-thanks");
        }
    }
}
