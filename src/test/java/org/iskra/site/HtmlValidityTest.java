package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page type, as the demo site has it, passes the W3C Nu checker: front pages (left-to-right and
 * right-to-left), articles (originals and translations, with figures), region, country and tag listings, errors.
 */
@IskraIntegrationTest
class HtmlValidityTest {

    @LocalServerPort
    int port;

    @Test
    void everyPageTypeIsValidHtml() {
        Http http = new Http(port);
        Set<String> pages = new LinkedHashSet<>();
        for (String front : List.of("/en/", "/ru/", "/ar/", "/es/")) {
            pages.add(front);
            Document frontPage = Jsoup.parse(http.get(front).body());
            for (String article : frontPage.select("main a[href*=/articles/]").eachAttr("href")) {
                pages.add(article);
                Document articlePage = Jsoup.parse(http.get(article).body());
                articlePage.select(".terms a").eachAttr("href").stream().limit(3).forEach(pages::add);
            }
        }
        assertThat(pages).as("the demo site has articles with regions, countries and tags")
                .anyMatch(p -> p.contains("/articles/"))
                .anyMatch(p -> p.contains("/regions/"))
                .anyMatch(p -> p.contains("/countries/"))
                .anyMatch(p -> p.contains("/tags/"))
                .anyMatch(p -> p.startsWith("/ar/articles/"));

        List<String> failures = new ArrayList<>();
        for (String path : pages) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            HtmlChecker.errors(response.body()).forEach(error -> failures.add(path + " " + error));
        }
        HttpResponse<String> notFound = http.get("/en/articles/no-such-article");
        assertThat(notFound.statusCode()).isEqualTo(404);
        HtmlChecker.errors(notFound.body()).forEach(error -> failures.add("404 page " + error));

        assertThat(failures).isEmpty();
    }

    @Test
    void theCheckerReallyReportsErrors() {
        assertThat(HtmlChecker.errors("<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></span></body></html>"))
                .isNotEmpty();
    }
}
