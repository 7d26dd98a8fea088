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
import org.iskra.testsupport.TestImages;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor in headless Chromium writes an article, previews it live and with the button, publishes; a reader sees
 * it. The screen at 1 280 and 390 px: the preview beside the text or below it, the word count and the preview
 * following the typing, Ctrl+S saving, an image dropped at the cursor, a translation beside its original.
 */
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

    @Test
    void theTextAndItsPreviewAreSideBySideOnADesktopAndStackedOnAPhoneAndCtrlSSaves() throws Exception {
        String email = "browser-screen-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Browser screen", PASSWORD, List.of(StaffRole.of(Role.EDITOR)));
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            logIn(driver, wait, http, email);
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(http.url("/admin/articles/new?language=en"));
            driver.findElement(By.id("title")).sendKeys("Bakers organise");
            driver.findElement(By.id("body")).sendKeys("The bakers met on Sunday.");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.urlContains("done=saved"));
            String path = driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replace("?done=saved", "");

            assertBeside(driver, By.id("body"), By.id("preview"));
            assertThat(driver.findElement(By.id("shortcut-help")).isDisplayed()).as("the shortcut is announced").isTrue();
            assertThat(driver.findElement(By.id("save")).getAttribute("aria-keyshortcuts")).contains("Control+S");
            assertThat(driver.findElement(By.cssSelector("#save-state time")).getText()).isNotBlank();
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("editor-1280");

            WebElement body = driver.findElement(By.id("body"));
            int before = Integer.parseInt(driver.findElement(By.id("word-count")).getAttribute("data-words"));
            body.sendKeys(Keys.END, "\n\n## The demands\n\nBread for *everyone* at a fair price.");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview h2"), "The demands"));
            wait.until(ExpectedConditions.attributeToBe(By.id("word-count"), "data-words", String.valueOf(before + 9)));
            assertThat(driver.findElement(By.cssSelector("#preview em")).getText()).isEqualTo("everyone");
            assertThat(driver.findElement(By.id("save-state")).getText()).isNotBlank();

            // saved by the shortcut, well before the autosave's pause of five seconds after the last key
            body.sendKeys(" Now.");
            body.sendKeys(Keys.chord(Keys.CONTROL, "s"));
            new WebDriverWait(driver, Duration.ofSeconds(4)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#save-state time")));
            driver.get(http.url(path));
            assertThat(driver.findElement(By.id("body")).getAttribute("value")).as("what the server stored")
                    .endsWith("Bread for *everyone* at a fair price. Now.");

            // an image dropped on the text is uploaded and goes where the cursor is, as a block of its own
            driver.findElement(By.id("figure-alt")).sendKeys("Bakers at the oven");
            browser.script("var b = document.getElementById('body'); var at = b.value.indexOf('## The demands');"
                    + "b.focus(); b.setSelectionRange(at, at); b.dispatchEvent(new Event('click'));");
            dropImage(browser, TestImages.jpeg(80, 60, 7));
            wait.until(driver1 -> driver1.findElement(By.id("body")).getAttribute("value").contains("{{< figure"));
            String text = driver.findElement(By.id("body")).getAttribute("value");
            assertThat(text.indexOf("{{< figure")).isBetween(text.indexOf("Sunday."), text.indexOf("## The demands"));
            assertThat(text).contains("alt=\"Bakers at the oven\"");
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#preview figure img"), "alt", "Bakers at the oven"));
            browser.screenshot("editor-1280-typed");

            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(http.url(path));
            assertBelow(driver, By.id("body"), By.id("preview"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("editor-390");
        }
    }

    @Test
    void theTranslationEditorShowsTheOriginalBlockByBlockBesideTheTranslation() throws Exception {
        String email = "browser-translation-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Browser translation", PASSWORD, List.of(StaffRole.of(Role.EDITOR)));
        Http http = new Http(port);
        List<String> paragraphs = List.of("The port stopped at dawn.", "## Why", "Wages fell for the third year.");
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            logIn(driver, wait, http, email);
            driver.get(http.url("/admin/articles/new?language=en"));
            driver.findElement(By.id("title")).sendKeys("The port stops");
            browser.script("document.getElementById('body').value = arguments[0];", String.join("\n\n", paragraphs));
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.urlContains("done=saved"));
            String id = driver.getCurrentUrl().replaceAll(".*/admin/articles/([0-9]+).*", "$1");

            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(http.url("/admin/articles/new?from=" + id + "&language=ru"));
            List<WebElement> originals = driver.findElements(By.cssSelector("#aligned tr.block td.original"));
            assertThat(originals).extracting(WebElement::getText).containsExactlyElementsOf(paragraphs);
            browser.script("var b = document.getElementById('body'); b.value = arguments[0];"
                    + "b.dispatchEvent(new Event('input', {bubbles: true}));", "Порт встал на рассвете.\n\n## Почему");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#aligned tr.block td.translation"),
                    "Порт встал на рассвете."));
            List<WebElement> translations = driver.findElements(By.cssSelector("#aligned tr.block td.translation"));
            assertThat(translations).extracting(WebElement::getText).containsExactly("Порт встал на рассвете.", "## Почему", "");
            assertBeside(driver, By.cssSelector("#aligned tr.block td.original"), By.cssSelector("#aligned tr.block td.translation"));
            assertBeside(driver, By.id("body"), By.id("preview"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("editor-translation-1280");
            browser.script("document.getElementById('aligned').scrollIntoView();");
            browser.screenshot("editor-translation-aligned-1280");

            driver.manage().window().setSize(new Dimension(390, 844));
            driver.navigate().refresh();
            assertBelow(driver, By.cssSelector("#aligned tr.block td.original"), By.cssSelector("#aligned tr.block td.translation"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("editor-translation-390");
            browser.script("document.getElementById('aligned').scrollIntoView();");
            browser.screenshot("editor-translation-aligned-390");
        }
    }

    private static void logIn(ChromeDriver driver, WebDriverWait wait, Http http, String email) {
        driver.get(http.url("/admin/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("password")).submit();
        wait.until(ExpectedConditions.urlContains("/admin/"));
    }

    /** The second element is beside the first on the end side of the page's direction, and they overlap in height. */
    private static void assertBeside(ChromeDriver driver, By first, By second) {
        Rectangle a = driver.findElement(first).getRect();
        Rectangle b = driver.findElement(second).getRect();
        boolean rtl = "rtl".equals(driver.findElement(By.tagName("html")).getAttribute("dir"));
        if (rtl) {
            assertThat(b.getX() + b.getWidth()).as("in right-to-left, on the left").isLessThanOrEqualTo(a.getX() + 1);
        } else {
            assertThat(b.getX()).as("in left-to-right, on the right").isGreaterThanOrEqualTo(a.getX() + a.getWidth() - 1);
        }
        assertThat(b.getY()).as("beside, not below").isLessThan(a.getY() + a.getHeight());
    }

    private static void assertBelow(ChromeDriver driver, By first, By second) {
        Rectangle a = driver.findElement(first).getRect();
        Rectangle b = driver.findElement(second).getRect();
        assertThat(b.getY()).as("stacked below").isGreaterThanOrEqualTo(a.getY() + a.getHeight() - 1);
    }

    /** Drops an image file on the text as a desktop's file manager would. */
    private static void dropImage(Browser browser, byte[] jpeg) {
        browser.script("""
                var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
                var transfer = new DataTransfer();
                transfer.items.add(new File([bytes], 'oven.jpg', {type: 'image/jpeg'}));
                var body = document.getElementById('body');
                body.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                body.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                """, java.util.Base64.getEncoder().encodeToString(jpeg));
    }
}
