package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestImages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front page in headless Chromium on a phone (390 px) and a desktop (1 280 px): the header keeps to two short
 * rows on the phone, the language picker is one line that opens with no script on the page, the newest article's
 * picture loads, nothing is wider than the screen, and axe-core finds nothing. Screenshots are kept for review.
 */
@IskraIntegrationTest
class FrontPageBrowserIT {

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @LocalServerPort
    int port;

    @Test
    void onAPhoneTheHeaderIsTwoRowsAndTheLanguagePickerOneLineThatOpensWithoutScript() throws Exception {
        String slug = publishIllustratedArticle();
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.driver().get(http.url("/en/"));
            assertThat(number(browser, "return document.documentElement.clientWidth")).isLessThanOrEqualTo(390);
            assertThat(browser.driver().findElement(By.cssSelector(".lead-story h2 a")).getAttribute("href")).endsWith(slug);
            WebElement lead = browser.driver().findElement(By.cssSelector(".lead-story img"));
            assertThat(number(browser, "return arguments[0].complete && arguments[0].naturalWidth", lead)).isPositive();

            WebElement picker = browser.driver().findElement(By.cssSelector("nav.language-picker"));
            WebElement summary = picker.findElement(By.tagName("summary"));
            assertThat(number(browser, """
                    const range = document.createRange(); range.selectNodeContents(arguments[0]);
                    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size""",
                    summary.findElement(By.cssSelector("[lang]"))))
                    .as("the current language's name lies on one line").isEqualTo(1);
            double lineBox = number(browser, "return parseFloat(getComputedStyle(arguments[0]).lineHeight) || 0", summary);
            double inner = number(browser, """
                    const s = getComputedStyle(arguments[0]);
                    return arguments[0].getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)
                        - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth)""", summary);
            assertThat(lineBox).isPositive();
            assertThat(inner).as("the picker is one line box high").isLessThan(2 * lineBox);

            WebElement header = browser.driver().findElement(By.cssSelector("header.site"));
            WebElement brand = header.findElement(By.className("brand"));
            WebElement search = header.findElement(By.className("site-search"));
            assertThat(picker.getRect().getY()).as("the picker sits on the brand's row")
                    .isLessThan(brand.getRect().getY() + brand.getRect().getHeight());
            assertThat(search.getRect().getY()).as("the search is the second row")
                    .isGreaterThanOrEqualTo(brand.getRect().getY() + brand.getRect().getHeight());
            int rows = Math.max(brand.getRect().getHeight(), picker.getRect().getHeight()) + search.getRect().getHeight();
            assertThat(header.getRect().getHeight()).as("two rows and their spacing, nothing more")
                    .isLessThan(rows + 2 * brand.getRect().getHeight());
            assertThat(header.findElement(By.cssSelector("label[for=site-search-q]")).isDisplayed()).isTrue();
            assertNoOverflowNorViolations(browser);
            browser.screenshot("front-390");

            assertThat(number(browser, "return document.scripts.length")).as("no script on the page").isZero();
            WebElement russian = picker.findElement(By.cssSelector(".languages a[hreflang=ru]"));
            assertThat(russian.isDisplayed()).as("the list waits closed").isFalse();
            summary.click();
            assertThat(picker.findElement(By.tagName("details")).getAttribute("open")).isNotNull();
            assertThat(russian.isDisplayed()).isTrue();
            assertThat(russian.getAttribute("lang")).isEqualTo("ru");
            assertNoOverflowNorViolations(browser);
            browser.screenshot("front-390-languages");
            russian.click();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/ru/");
            assertThat(browser.driver().findElement(By.cssSelector("nav.language-picker summary [lang=ru]")).getText()).isEqualTo("Русский");

            browser.driver().get(http.url("/ar/"));
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertNoOverflowNorViolations(browser);
            browser.screenshot("front-ar-390");
        }
    }

    @Test
    void onADesktopTheHeaderIsOneRowAndTheRegionsSitSideBySide() throws Exception {
        publishIllustratedArticle();
        Http http = new Http(port);
        try (Browser browser = Browser.open()) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.driver().get(http.url("/en/"));
            WebElement header = browser.driver().findElement(By.cssSelector("header.site"));
            WebElement brand = header.findElement(By.className("brand"));
            for (String part : List.of("nav.language-picker", ".site-search")) {
                WebElement element = header.findElement(By.cssSelector(part));
                assertThat(element.getRect().getY()).as(part + " on the brand's row")
                        .isLessThan(brand.getRect().getY() + brand.getRect().getHeight());
            }
            List<WebElement> sections = browser.driver().findElements(By.cssSelector("section.region"));
            assertThat(sections).as("the demo's regions").hasSizeGreaterThan(1);
            assertThat(sections.get(1).getRect().getY()).as("two regions on a row").isEqualTo(sections.get(0).getRect().getY());
            assertNoOverflowNorViolations(browser);
            browser.screenshot("front-1280");
            browser.driver().findElement(By.cssSelector("nav.language-picker summary")).click();
            assertNoOverflowNorViolations(browser);
            browser.screenshot("front-1280-languages");
        }
    }

    private String publishIllustratedArticle() throws Exception {
        MediaImage photo = media.store(TestImages.jpeg(1600, 1000, 31), "Photo: test", null);
        ArticleMother article = ArticleMother.article().title("Dockers stop the ships").standfirst("A port at a standstill.")
                .body("{{< figure src=\"media:" + photo.hash() + "\" alt=\"Cranes at rest\" >}}\n\nText.")
                .regions("Europe").publishedAt(OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        writer.save(article.input());
        return "/en/articles/" + article.slug();
    }

    private static void assertNoOverflowNorViolations(Browser browser) {
        assertThat(number(browser, "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("nothing wider than the screen").isLessThanOrEqualTo(0);
        assertThat(browser.accessibilityViolations()).isEmpty();
    }

    private static double number(Browser browser, String script, Object... arguments) {
        return ((Number) browser.script(script, arguments)).doubleValue();
    }
}
