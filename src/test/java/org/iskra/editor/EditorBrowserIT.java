package org.iskra.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor in headless Chromium writes an article, previews it live and with the button, publishes; a reader sees it. */
@IskraIntegrationTest
class EditorBrowserIT {

    private static final String PASSWORD = "a browser editor's passphrase";

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    @Test
    void anEditorWritesPreviewsAndPublishesAndAReaderSeesTheArticle() throws Exception {
        String email = "browser-editor-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Browser editor", PASSWORD, List.of(StaffRole.of(Role.EDITOR)));
        String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get(http.url("/admin/login"));
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("password")).submit();
            wait.until(ExpectedConditions.urlContains("/admin/"));

            driver.get(http.url("/admin/articles/new?language=en"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            driver.findElement(By.id("title")).sendKeys("Nurses win their strike");
            driver.findElement(By.id("slug")).sendKeys(slug);
            driver.findElement(By.id("standfirst")).sendKeys("After six weeks, the hospital gave in.");
            driver.findElement(By.id("body")).sendKeys("## The vote\n\nThe nurses voted **yes** on Friday.");

            // the script renders the preview through the server's renderer while the editor types
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview strong"), "yes"));
            assertThat(driver.findElement(By.cssSelector("#preview h2")).getText()).isEqualTo("The vote");

            driver.findElement(By.cssSelector("button[value=preview]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview strong"), "yes"));
            assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Nurses win their strike");

            driver.findElement(By.cssSelector("button[value=save]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.workflow")));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("editor-saved");

            driver.findElement(By.cssSelector("section.workflow form:has(input[value=published]) button")).click();
            wait.until(ExpectedConditions.urlContains("done=published"));
            assertThat(driver.findElement(By.cssSelector(".status")).getText()).isEqualTo("Published");

            driver.get(http.url("/en/articles/" + slug));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nurses win their strike");
            assertThat(driver.findElement(By.cssSelector("article strong")).getText()).isEqualTo("yes");
        }
    }
}
