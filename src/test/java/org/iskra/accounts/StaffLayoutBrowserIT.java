package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.SaveResult;
import org.iskra.organizing.JoinRequestMother;
import org.iskra.organizing.Sections;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.Authenticator;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every back-office page an administrator opens, in headless Chromium at a phone's 390 px and a desktop's 1 280 px,
 * with the demo content: the staff layout around it (no readers' header), the navigation with the current area
 * marked, a menu that a phone opens without script with links a thumb can hit, and 0 axe violations. Screenshots of
 * each page at each width are kept in target/screenshots/staff-* for review, and the header's height at 390 px in
 * target/screenshots/staff-header-heights.txt.
 */
@IskraIntegrationTest
class StaffLayoutBrowserIT {

    private static final String PASSWORD = "staff layout browser passphrase";
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;
    /** The smallest target a thumb hits reliably (WCAG 2.5.5's 44 CSS px). */
    private static final int THUMB = 44;
    private static final String HOME = "home";
    private static final String ACCOUNT = "account";

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

    @Autowired
    ArticleWriter writer;

    @LocalServerPort
    int port;

    private final List<String> measurements = new ArrayList<>();

    @Test
    void everyBackOfficePageHasTheStaffLayoutAtBothWidthsWithoutAxeViolations() throws Exception {
        String admin = "layout-admin-" + UUID.randomUUID() + "@example.org";
        accounts.create(admin, "Layout Admin", PASSWORD, List.of(StaffRole.of(Role.ADMINISTRATOR)));
        String newcomer = "layout-newcomer-" + UUID.randomUUID() + "@example.org";
        accounts.requirePasswordChange(accounts.create(newcomer, "Layout Newcomer", PASSWORD,
                List.of(StaffRole.of(Role.AUTHOR))).id());
        String joinRequest = new JoinRequestMother(jdbc, cipher, hash).request(sections.route("AM"), "AM", "hy").publicId();
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

            // the readers' header, which staff pages had before this layout
            driver.manage().window().setSize(new Dimension(PHONE, 844));
            driver.get(http.url("/en/"));
            measurements.add("readers' header on /en/ at 390 px: " + height(driver, "header.site") + " px");

            beforeLogin(browser, http.url("/admin/login"), "login");
            beforeLogin(browser, http.url("/admin/invitation/" + "A".repeat(43)), "invitation");

            logIn(driver, http, admin);
            wait.until(ExpectedConditions.urlContains("/admin/second-factor/enrol"));
            beforeLogin(browser, driver.getCurrentUrl(), "second-factor-enrol");
            Authenticator.add(admin, driver.findElement(By.id("secret")).getText());
            driver.findElement(By.id("code")).sendKeys(Authenticator.nextCode(admin));
            driver.findElement(By.id("code")).submit();
            wait.until(ExpectedConditions.urlContains("/admin/second-factor/recovery-codes"));
            beforeLogin(browser, driver.getCurrentUrl(), "second-factor-recovery-codes");
            driver.findElement(By.cssSelector("form[action='/admin/second-factor/recovery-codes'] button")).click();
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/")));

            for (Map.Entry<String, String> page : pages(driver, http, joinRequest).entrySet()) {
                signedIn(browser, http.url(page.getKey()), page.getValue(), name(page.getKey()));
            }
            driver.manage().window().setSize(new Dimension(PHONE, 844));
            driver.get(http.url("/admin/"));
            measurements.add("staff header on /admin/ at 390 px: " + height(driver, "header.staff-bar") + " px");
            menuOpensWithoutScript(browser);

            logOut(driver, wait);
            logIn(driver, http, admin);
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/second-factor")));
            beforeLogin(browser, driver.getCurrentUrl(), "second-factor");
            driver.findElement(By.id("code")).sendKeys(Authenticator.nextCode(admin));
            driver.findElement(By.id("code")).submit();
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/")));

            logOut(driver, wait);
            logIn(driver, http, newcomer);
            wait.until(ExpectedConditions.urlToBe(http.url("/admin/new-password")));
            beforeLogin(browser, driver.getCurrentUrl(), "new-password");
        }
        Path file = Path.of("target", "screenshots", "staff-header-heights.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, measurements);
        assertThat(measurements).hasSize(2);
    }

    /**
     * The GET pages of the back office (its {@code @GetMapping("/admin…")} routes, JSON aside), each with the area
     * the navigation must mark; pages that need an id take one from the demo content or from this test's data.
     */
    private Map<String, String> pages(ChromeDriver driver, Http http, String joinRequest) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/admin/", HOME);
        pages.put("/admin/account", ACCOUNT);
        pages.put("/admin/articles", "/admin/articles");
        pages.put("/admin/articles/new", "/admin/articles");
        String article = firstLink(driver, http, "/admin/articles", "/admin/articles/[0-9]+").orElseThrow();
        pages.put(article, "/admin/articles");
        pages.put(article + "/history", "/admin/articles");
        pages.put(article + "/diff", "/admin/articles");
        pages.put("/admin/translations", "/admin/translations");
        // an original changed after its translation: the translator's page of what changed, and the send page of
        // a published translation
        ArticleMother original = ArticleMother.article().inLanguage("ru").writtenIn("ru")
                .title("Статья для раскладки " + UUID.randomUUID());
        SaveResult saved = writer.save(original.input());
        ArticleMother english = original.translatedInto("en").title("Layout article " + UUID.randomUUID());
        writer.save(english.input());
        writer.save(original.body("Изменённый оригинал.").input());
        pages.put("/admin/translations/en/" + english.slug(), "/admin/translations");
        pages.put("/admin/newsletter", "/admin/newsletter");
        pages.put("/admin/newsletter/send/" + saved.translationId(), "/admin/newsletter");
        pages.put("/admin/newsletter/unsubscribe", "/admin/newsletter");
        pages.put("/admin/join", "/admin/join");
        pages.put("/admin/join/" + joinRequest, "/admin/join");
        pages.put("/admin/sections", "/admin/sections");
        pages.put(firstLink(driver, http, "/admin/sections", "/admin/sections/[0-9]+").orElseThrow(), "/admin/sections");
        pages.put("/admin/users", "/admin/users");
        pages.put("/admin/users/new", "/admin/users");
        pages.put("/admin/users/second-factor", "/admin/users");
        pages.put(firstLink(driver, http, "/admin/users", "/admin/users/[0-9]+").orElseThrow(), "/admin/users");
        pages.put("/admin/import", "/admin/import");
        pages.put(importRun(driver, http), "/admin/import");
        pages.put("/admin/mirror", "/admin/mirror");
        pages.put("/admin/audit", "/admin/audit");
        pages.put("/admin/privacy/subjects", "/admin/privacy/subjects");
        return pages;
    }

    /** A dry run of a WordPress export from the back office's form, as an administrator starts one: its page. */
    private static String importRun(ChromeDriver driver, Http http) {
        driver.get(http.url("/admin/import"));
        driver.findElement(By.id("file")).sendKeys(Path.of("src/test/resources/importing/wordpress-polylang.xml")
                .toAbsolutePath().toString());
        driver.findElement(By.id("dry-run")).click();
        driver.findElement(By.id("file")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/admin/import/[0-9]+$"));
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    private static Optional<String> firstLink(ChromeDriver driver, Http http, String page, String pattern) {
        driver.get(http.url(page));
        return Jsoup.parse(driver.getPageSource()).select("main a[href]").eachAttr("href").stream()
                .filter(href -> href.matches(pattern)).findFirst();
    }

    /** A page of the login's steps: the staff layout's brand, and nothing to navigate to yet. */
    private void beforeLogin(Browser browser, String url, String name) throws IOException {
        for (int width : List.of(PHONE, DESKTOP)) {
            show(browser, url, width);
            ChromeDriver driver = browser.driver();
            assertThat(driver.findElements(By.cssSelector("header.staff-bar a.staff-brand"))).as(name).hasSize(1);
            assertThat(driver.findElements(By.cssSelector(".staff-nav, header.site"))).as(name).isEmpty();
            assertThat(browser.accessibilityViolations()).as(name + " at " + width).isEmpty();
            browser.screenshot("staff-" + name + "-" + width);
        }
    }

    private void signedIn(Browser browser, String url, String current, String name) throws IOException {
        ChromeDriver driver = browser.driver();
        show(browser, url, PHONE);
        assertThat(driver.findElements(By.cssSelector("header.site"))).as(name + ": no readers' header").isEmpty();
        assertThat(driver.findElement(By.cssSelector("details.staff-menu")).getDomAttribute("open")).isNull();
        assertThat(visible(browser, ".staff-nav")).as(name + ": menu closed").isFalse();
        assertThat(browser.accessibilityViolations()).as(name + " at 390").isEmpty();
        if (url.contains("/admin/join") || url.contains("/admin/sections")) {
            // organizers answer requests on their phones: nothing of these pages may sit beyond the screen's edge
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .as(name + ": no sideways scrolling at 390")
                    .isLessThanOrEqualTo((Long) browser.script("return document.documentElement.clientWidth"));
        }
        browser.screenshot("staff-" + name + "-390");
        driver.findElement(By.cssSelector("details.staff-menu > summary")).click();
        assertThat(visible(browser, ".staff-nav")).as(name + ": menu open").isTrue();
        List<WebElement> targets = driver.findElements(By.cssSelector(
                ".staff-menu summary, .staff-nav a, .staff-who a, .staff-who button, a.staff-brand"));
        for (WebElement target : targets) {
            assertThat(target.getRect().getHeight()).as(name + ": " + target.getText() + " for a thumb")
                    .isGreaterThanOrEqualTo(THUMB);
        }
        assertCurrent(driver, current, name);
        assertThat(browser.accessibilityViolations()).as(name + " at 390, menu open").isEmpty();

        show(browser, url, DESKTOP);
        assertThat(visible(browser, ".staff-nav")).as(name + ": sidebar").isTrue();
        assertThat(visible(browser, ".staff-menu > summary")).isFalse();
        assertThat(driver.findElement(By.cssSelector("main")).getRect().getWidth())
                .as(name + ": wider than the readers' 700 px column; " + browser.script("return innerWidth + ' '"
                        + " + [...document.body.children].map(e => e.tagName + '.' + e.className + ' '"
                        + " + Math.round(e.getBoundingClientRect().width)).join(', ')")).isGreaterThan(900);
        assertCurrent(driver, current, name);
        assertThat(browser.accessibilityViolations()).as(name + " at 1280").isEmpty();
        browser.screenshot("staff-" + name + "-1280");
    }

    private static void assertCurrent(ChromeDriver driver, String current, String name) {
        List<String> marked = driver.findElements(By.cssSelector("header.staff-bar [aria-current=page]")).stream()
                .map(element -> element.getDomAttribute("href")).toList();
        String expected = switch (current) {
            case HOME -> "/admin/";
            case ACCOUNT -> "/admin/account";
            default -> current;
        };
        assertThat(marked).as(name + ": the current area").containsExactly(expected);
    }

    /** The phone's menu is a plain disclosure: with the page's scripts switched off it opens all the same. */
    private static void menuOpensWithoutScript(Browser browser) {
        ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            driver.navigate().refresh();
            assertThat(visible(browser, ".staff-nav")).isFalse();
            driver.findElement(By.cssSelector("details.staff-menu > summary")).click();
            assertThat(driver.findElement(By.cssSelector("details.staff-menu")).getDomAttribute("open")).isNotNull();
            assertThat(visible(browser, ".staff-nav a")).isTrue();
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /**
     * Whether the element is rendered, as the browser itself says ({@code checkVisibility}): WebDriver's own test
     * takes everything inside a closed {@code <details>} for hidden, also where the sidebar's CSS shows it.
     */
    private static boolean visible(Browser browser, String selector) {
        return Boolean.TRUE.equals(browser.script("return document.querySelector(arguments[0]).checkVisibility()", selector));
    }

    private static void show(Browser browser, String url, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.driver().get(url);
    }

    private static long height(ChromeDriver driver, String selector) {
        return driver.findElement(By.cssSelector(selector)).getRect().getHeight();
    }

    private static String name(String path) {
        String name = path.replaceFirst("^/admin/?", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        return name.isEmpty() ? "home" : name.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "request");
    }

    private static void logIn(ChromeDriver driver, Http http, String email) {
        driver.manage().window().setSize(new Dimension(PHONE, 844));
        driver.get(http.url("/admin/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("password")).submit();
    }

    private static void logOut(ChromeDriver driver, WebDriverWait wait) {
        driver.manage().window().setSize(new Dimension(PHONE, 844));
        driver.navigate().refresh();
        driver.findElement(By.cssSelector("details.staff-menu > summary")).click();
        driver.findElement(By.cssSelector(".staff-who form[action='/admin/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/admin/login?logout"));
    }
}
