package org.iskra.organizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.Authenticator;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organizers' dashboard and the newsletter's staff page in headless Chromium on a phone (390 px) and a desktop
 * (1 280 px), left to right and right to left: axe finds nothing, the page never scrolls sideways on the phone (the
 * wide tables scroll inside their box), every chart fits the width, and the screenshots are kept for review.
 */
@IskraIntegrationTest
class DashboardBrowserIT {

    private static final String PASSWORD = "dashboard browser passphrase";
    private static final List<Integer> WIDTHS = List.of(390, 1280);

    /** The innermost elements reaching past either side of the page, to say what made it scroll sideways. */
    private static final String STICKING_OUT = """
            const width = document.documentElement.clientWidth;
            return [...document.body.querySelectorAll('*')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.right > width + 0.5 || r.left < -0.5; })
              .filter(e => e.closest('.table-scroll, .chart-numbers') === null)
              .slice(-8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');
            """;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Sections sections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyedHash hash;

    @LocalServerPort
    int port;

    @Test
    void theDashboardAndTheNewsletterPageHaveNoViolationsAndNoSidewaysScrollingOnAPhone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Section section = sections.create("charts-" + run, "Charts section " + run, "charts-" + run + "@example.org",
                48, List.of());
        JoinRequestMother requests = new JoinRequestMother(jdbc, cipher, hash);
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3);
        for (String country : List.of("AM", "AM", "GE", "AZ")) {
            requests.request(section, country, "hy", past);
        }
        requests.request(section, "AM", "hy");
        String email = "charts-browser-" + run + "@example.org";
        accounts.create(email, "Charts Organizer " + run, PASSWORD,
                List.of(new StaffRole(Role.ORGANIZER, section.slug()), StaffRole.of(Role.EDITOR)));
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            logIn(driver, http, email);
            for (String language : List.of("en", "ar")) {
                chooseInterfaceLanguage(driver, http, language);
                for (int width : WIDTHS) {
                    driver.manage().window().setSize(new Dimension(width, 900));
                    for (String path : List.of("/admin/join", "/admin/newsletter")) {
                        driver.get(http.url(path));
                        String where = path + " " + language + " at " + width + " px";
                        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir"))
                                .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
                        List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart-picture[role=img]"));
                        assertThat(charts).as(where).isNotEmpty();
                        long viewport = (Long) browser.script("return document.documentElement.clientWidth");
                        for (WebElement chart : charts) {
                            assertThat(chart.getRect().getWidth()).as(where + ": the chart fits").isLessThanOrEqualTo((int) viewport);
                            assertThat(chart.getRect().getHeight()).as(where + ": drawn").isPositive();
                        }
                        String name = "dashboard-charts" + path.replace('/', '-') + "-" + language + "-" + width;
                        browser.screenshot(name);
                        browser.script("arguments[0].scrollIntoView()", charts.get(0));
                        browser.screenshot(name + "-chart");
                        assertThat(browser.accessibilityViolations()).as(where).isEmpty();
                        if (width == 390) {
                            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                                    .as(where + ": no sideways scrolling, but these stick out: " + browser.script(STICKING_OUT))
                                    .isLessThanOrEqualTo(viewport);
                        }
                    }
                }
            }
        }
    }

    /** The back office speaks the staff member's own language, chosen on their account page as they would. */
    private static void chooseInterfaceLanguage(org.openqa.selenium.WebDriver driver, Http http, String language) {
        driver.get(http.url("/admin/account"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("interface-language"))).selectByValue(language);
        driver.findElement(By.id("interface-language")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** The password, then the authenticator app set up from the enrolment page, as an organizer's first login. */
    private static void logIn(org.openqa.selenium.WebDriver driver, Http http, String email) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(http.url("/admin/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("password")).submit();
        wait.until(ExpectedConditions.urlContains("/admin/second-factor/enrol"));
        Authenticator.add(email, driver.findElement(By.id("secret")).getText());
        driver.findElement(By.id("code")).sendKeys(Authenticator.nextCode(email));
        driver.findElement(By.id("code")).submit();
        wait.until(ExpectedConditions.urlContains("/admin/second-factor/recovery-codes"));
        driver.findElement(By.cssSelector("form[action='/admin/second-factor/recovery-codes'] button")).click();
        wait.until(ExpectedConditions.urlToBe(http.url("/admin/")));
    }
}
