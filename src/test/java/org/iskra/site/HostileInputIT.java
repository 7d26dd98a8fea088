package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.testsupport.Browser;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.RawHttp;
import org.iskra.testsupport.StaffBrowser;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fuzzing with what attackers send ({@link HostileInput}): hostile Markdown through the editor's previews, a save, a
 * publication and the public page, then every one of those pages in headless Chromium, which watches for any payload
 * that runs; and hostile query strings, headers, methods and form bodies to every public route. No answer may be a
 * 5xx, no payload may run, and no request may take long: the bound per request is generous (seconds, for requests
 * that take milliseconds on a quiet machine), a correctness bound that fails on work quadratic in the input (the
 * figure pattern took minutes), not a benchmark.
 */
@IskraIntegrationTest
class HostileInputIT {

    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final String PASSWORD = "a fuzzing editor's passphrase";
    /** Installed in every frame before the page's own scripts: every payload calls it. */
    private static final String WATCH = """
            window.__pwned = window.__pwned || [];
            window.pwned = function (what) { try { top.__pwned.push(String(what)); } catch (e) { window.__pwned.push(String(what)); } };
            """;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @LocalServerPort
    int port;

    private final Map<String, Duration> slowest = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void hostileMarkdownNeitherFailsNorRunsNorTakesLongInThePreviewOnSaveAndOnThePublicPage() throws Exception {
        String email = "fuzz-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Fuzzing editor", PASSWORD, List.of(StaffRole.of(Role.EDITOR)));
        StaffBrowser editor = new StaffBrowser(port);
        editor.logIn(email, PASSWORD);
        editor.get("/admin/articles/new");
        Map<String, String> editorPaths = new LinkedHashMap<>();
        Map<String, String> publicPaths = new LinkedHashMap<>();

        for (HostileInput.Body body : HostileInput.bodies()) {
            String blank = timed("editor", body.name(), () -> editor.get("/admin/articles/new")).body();
            String token = Jsoup.parse(blank).select("#editor input[name=_csrf]").attr("value");
            timed("live preview", body.name(), () -> editor.post("/admin/articles/preview",
                    "_csrf=" + StaffBrowser.encode(token) + "&body=" + StaffBrowser.encode(body.markdown())));
            String slug = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
            String form = form(blank, slug, "Fuzz: " + body.name(), body.markdown());
            timed("preview", body.name(), () -> editor.post("/admin/articles/new", form + "&action=preview"));
            HttpResponse<String> saved = timed("save", body.name(), () -> editor.post("/admin/articles/new", form + "&action=save"));
            if (saved.statusCode() != 303) {
                continue;
            }
            String path = saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");
            String page = timed("edit", body.name(), () -> editor.get(path)).body();
            timed("publish", body.name(), () -> editor.post(path + "/status", publishForm(page)));
            timed("public page", body.name(), () -> new Http(port).get("/en/articles/" + slug));
            editorPaths.put(body.name(), path);
            publicPaths.put(body.name(), "/en/articles/" + slug);
        }
        System.out.println("Slowest request per kind (bound " + BOUND.toMillis() + " ms): " + slowest);
        assertThat(failures).isEmpty();
        assertThat(publicPaths).as("nearly every hostile body is a saved, published article").hasSizeGreaterThan(15);

        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
            Http http = new Http(port);
            for (Map.Entry<String, String> article : publicPaths.entrySet()) {
                driver.get(http.url(article.getValue()));
                assertNothingRan(browser, article.getKey() + " on the public page", ".body");
            }
            driver.get(http.url("/admin/login"));
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("password")).submit();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.urlContains("/admin/"));
            for (Map.Entry<String, String> article : editorPaths.entrySet()) {
                driver.get(http.url(article.getValue()));
                // the server's preview, then the script's live one (which puts the server's HTML into the page)
                driver.findElement(By.cssSelector("button[value=preview]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview")));
                assertNothingRan(browser, article.getKey() + " in the preview", "#preview");
                // a mark in the preview that the script's refresh replaces with the server's HTML; when the server
                // refuses a body's preview the script leaves the page as it was, and the refused request ends the wait
                browser.script("performance.clearResourceTimings();"
                        + " const mark = document.createElement('span'); mark.id = 'before-live-preview';"
                        + " document.getElementById('preview').appendChild(mark);"
                        + " const body = document.getElementById('body'); body.value = body.value + ' ';"
                        + " body.dispatchEvent(new Event('input', {bubbles: true}));");
                String preview = driver.findElement(By.id("editor")).getAttribute("data-preview");
                wait.until(page -> Boolean.TRUE.equals(browser.script("return !document.getElementById('before-live-preview')"
                        + " || performance.getEntriesByType('resource').some(e => e.name.endsWith(arguments[0])"
                        + " && e.responseEnd > 0 && e.responseStatus >= 400);", preview)));
                assertNothingRan(browser, article.getKey() + " in the live preview", "#preview");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void hostileQueriesHeadersMethodsAndFormsToEveryPublicRouteNeverFailNorTakeLong() throws Exception {
        ArticleMother article = ArticleMother.article().regions("Fuzz region").countries("AM").tags("fuzz tag");
        writer.save(article.input());
        MediaImage image = media.store(TestImages.jpeg(640, 480, 3), "Fuzz", null);
        String stylesheet = Jsoup.parse(new Http(port).get("/en/").body()).select("link[rel=stylesheet]").attr("href");
        List<String> routes = List.of("/", "/en/", "/ar/", "/en/articles/" + article.slug(), "/en/regions/fuzz-region",
                "/en/tags/fuzz-tag", "/en/countries/am", "/en/search", "/api/search", "/en/join", "/en/join/confirm",
                "/en/join/thanks", "/en/feed.atom", "/en/feed.rss", "/en/regions/fuzz-region/feed.atom", "/sitemap.xml",
                "/sitemap-en.xml", "/robots.txt", image.fallback().url(), stylesheet, "/actuator/health", "/admin/login",
                "/xx/", "/en/articles/no-such-article", "/en/articles/%2e%2e", "/en//articles", "/en/articles/x;jsessionid=1");
        RawHttp raw = new RawHttp(port);
        for (String route : routes) {
            raw.get(route);
        }
        for (String route : routes) {
            for (String query : HostileInput.queries()) {
                check("query", route + query, () -> raw.get(route + query));
            }
            for (String header : HostileInput.headers()) {
                check("header", route + " " + header.substring(0, Math.min(40, header.length())), () -> raw.get(route, header));
            }
            for (String method : HostileInput.methods()) {
                check("method", method + " " + route, () -> raw.send(method, route,
                        List.of("Content-Type: application/x-www-form-urlencoded"), "%%%=&&x".getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String form : List.of("/en/join", "/ru/join", "/admin/login", "/en/search", "/api/search")) {
            for (String body : HostileInput.formBodies()) {
                check("form", form + " " + body.substring(0, Math.min(30, body.length())), () -> raw.send("POST", form,
                        List.of("Content-Type: application/x-www-form-urlencoded", "Origin: http://localhost:" + port),
                        body.getBytes(StandardCharsets.UTF_8)));
            }
        }
        System.out.println("Slowest request per kind (bound " + BOUND.toMillis() + " ms): " + slowest);
        assertThat(failures).isEmpty();
    }

    private void check(String kind, String what, Callable<RawHttp.Response> request) {
        RawHttp.Response response = timed(kind, what, request);
        if (response.status() >= 500) {
            failures.add(what + ": " + response.status());
        }
    }

    /** Runs one request: a 5xx, an exception or a request over the bound is a failure. */
    private <T> T timed(String kind, String what, Callable<T> request) {
        long started = System.nanoTime();
        T response;
        try {
            response = request.call();
        } catch (Exception e) {
            failures.add(kind + " " + what + ": " + e);
            return null;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        slowest.merge(kind, took, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        if (took.compareTo(BOUND) > 0) {
            failures.add(kind + " " + what + " took " + took.toMillis() + " ms");
        }
        if (response instanceof HttpResponse<?> http && http.statusCode() >= 500) {
            failures.add(kind + " " + what + ": " + http.statusCode());
        }
        return response;
    }

    private void assertNothingRan(Browser browser, String where, String container) {
        Object ran = browser.script("return (window.__pwned || []).join(', ');");
        if (!"".equals(ran)) {
            failures.add(where + ": ran " + ran);
        }
        Object dangerous = browser.script("""
                const c = document.querySelector(arguments[0]);
                if (!c) return 'no ' + arguments[0];
                const found = [];
                c.querySelectorAll('script, iframe, object, embed, svg, math, style, link, meta, base, form, input')
                  .forEach(e => found.push(e.tagName));
                c.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {
                  const v = a.value.trim().toLowerCase();
                  if (a.name.startsWith('on') || a.name === 'style' || v.startsWith('javascript:') || v.startsWith('data:')
                      || ((a.name === 'src' || a.name === 'srcset') && !v.startsWith('/media/'))) found.push(e.tagName + '[' + a.name + ']');
                }});
                return found.join(', ');
                """, container);
        if (!"".equals(dangerous)) {
            failures.add(where + ": " + dangerous);
        }
    }

    private static String form(String pageHtml, String slug, String title, String body) {
        Document page = Jsoup.parse(pageHtml);
        return "_csrf=" + StaffBrowser.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=" + StaffBrowser.encode(page.select("#editor input[name=version]").attr("value"))
                + "&language=en&slug=" + slug + "&title=" + StaffBrowser.encode(title)
                + "&standfirst=" + StaffBrowser.encode("What it tries.") + "&body=" + StaffBrowser.encode(body)
                + "&attribution=Fuzz&regions=&countries=&tags=";
    }

    private static String publishForm(String pageHtml) {
        var form = Jsoup.parse(pageHtml).select("section.workflow form:has(input[name=to][value=published])");
        return "_csrf=" + StaffBrowser.encode(form.select("input[name=_csrf]").attr("value"))
                + "&version=" + form.select("input[name=version]").attr("value") + "&to=published";
    }
}
