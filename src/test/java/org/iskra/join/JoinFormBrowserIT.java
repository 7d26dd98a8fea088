package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The join form in headless Chromium on a phone-sized screen: axe-core finds nothing, blank or with errors. */
@IskraIntegrationTest
class JoinFormBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void theFormAndItsErrorsHaveNoAccessibilityViolations() throws Exception {
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.url("/ar/join?from=/ar/"));
            assertThat(browser.accessibilityViolations()).isEmpty();

            browser.driver().get(http.url("/en/join"));
            browser.driver().findElement(By.id("join-name")).sendKeys("Anna");
            browser.driver().findElement(By.id("join-email")).sendKeys("anna@example.org");
            // the browser's own checks would stop a form with empty required fields before it reaches us
            browser.script("document.querySelector('form.join').noValidate = true");
            // no wait for the form's minimum fill time: the application under test has none (a browser is quicker
            // than a person)
            browser.driver().findElement(By.cssSelector("form.join button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("join-city-error")));

            assertThat(browser.driver().findElement(By.id("join-city-error")).getText()).contains("city or town");
            assertThat(browser.driver().findElement(By.id("join-name")).getAttribute("value")).isEqualTo("Anna");
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("join-errors-en");
        }
    }
}
