package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.Authenticator;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An organizer in headless Chromium: the first login sets up the authenticator app from the QR code's key and keeps
 * the recovery codes; the next login takes a code; a passkey added from the account page (Chromium's virtual
 * authenticator standing in for a security key) then completes a login without one. Every page passes axe.
 */
@IskraIntegrationTest
class SecondFactorBrowserIT {

    private static final String PASSWORD = "browser organizer passphrase";

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    @Test
    void anOrganizerSetsUpAnAppLogsInWithACodeAddsAPasskeyAndLogsInWithIt() throws Exception {
        String email = "browser-organizer-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Browser Organizer", PASSWORD, List.of(new StaffRole(Role.ORGANIZER, "international")));
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(15));

            logInWithPassword(driver, http, email);
            wait.until(ExpectedConditions.urlContains("/admin/second-factor/enrol"));
            assertThat(driver.findElement(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("second-factor-enrol");
            Authenticator.add(email, driver.findElement(By.id("secret")).getText());
            driver.findElement(By.id("code")).sendKeys(Authenticator.nextCode(email));
            driver.findElement(By.id("code")).submit();

            wait.until(ExpectedConditions.urlContains("/admin/second-factor/recovery-codes"));
            assertThat(driver.findElements(By.cssSelector(".recovery-codes code"))).hasSize(10);
            assertThat(browser.accessibilityViolations()).isEmpty();
            driver.findElement(By.cssSelector("form[action='/admin/second-factor/recovery-codes'] button")).click();
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/")));

            logOut(driver, http, wait);
            logInWithPassword(driver, http, email);
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/second-factor")));
            assertThat(browser.accessibilityViolations()).isEmpty();
            assertThat(driver.findElements(By.id("passkey-login"))).as("no passkey yet").isEmpty();
            driver.findElement(By.id("code")).sendKeys(Authenticator.nextCode(email));
            driver.findElement(By.id("code")).submit();
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/")));

            driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
            driver.get(http.url("/admin/account"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            var label = driver.findElement(By.id("passkey-label"));
            label.clear();
            label.sendKeys("Test key");
            driver.findElement(By.cssSelector("form[data-passkey-register] button")).click();
            wait.until(ExpectedConditions.urlContains("done=passkey"));
            assertThat(driver.findElement(By.cssSelector("ul.passkeys")).getText()).contains("Test key");

            logOut(driver, http, wait);
            logInWithPassword(driver, http, email);
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/second-factor")));
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("second-factor-code-or-passkey");
            driver.findElement(By.id("passkey-login")).click();
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/")));
            driver.get(http.url("/admin/join"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(driver.getCurrentUrl()).isEqualTo(http.url("/admin/join"));
        }
    }

    private static void logInWithPassword(org.openqa.selenium.WebDriver driver, Http http, String email) {
        driver.get(http.url("/admin/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("password")).submit();
    }

    private static void logOut(org.openqa.selenium.WebDriver driver, Http http, WebDriverWait wait) {
        driver.get(http.url("/admin/"));
        // at a phone's width the logout is in the staff layout's menu, which opens first
        driver.findElement(By.cssSelector(".staff-menu summary")).click();
        driver.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/admin/login?logout"));
    }
}
