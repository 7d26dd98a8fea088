package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.StrictLimitsIskraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers that keep readers' visits to themselves, behind a TLS-terminating proxy: it says the request came
 * over HTTPS (X-Forwarded-Proto), trusted from the loopback address as from any private one. The same settings as
 * {@code search.SearchLimitsTest}: one application for both.
 */
@StrictLimitsIskraTest
class SecurityHeadersTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    PageCache cache;

    @LocalServerPort
    int port;

    @Test
    void hstsGoesToEveryRequestThatCameOverHttpsRenderedOrKeptAndToNoOther() throws Exception {
        ArticleMother article = ArticleMother.article();
        writer.save(article.input());
        String path = "/en/articles/" + article.slug();
        Http http = new Http(port);

        HttpResponse<String> rendered = http.get(path);
        assertThat(rendered.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
        Await.until("the page is kept", () -> cache.get(path) != null);
        for (String[] proxied : new String[][] {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.5"}}) {
            HttpResponse<String> hit = http.get(path, proxied);
            assertThat(hit.headers().firstValue("Strict-Transport-Security")).as("a kept page over HTTPS")
                    .hasValue(SecurityHeaders.HSTS);
        }
        assertThat(http.get(path).headers().firstValue("Strict-Transport-Security")).as("a kept page over HTTP").isEmpty();

        cache.clear();
        HttpResponse<String> secure = http.get(path, "X-Forwarded-Proto", "https");
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).as("rendered over HTTPS").hasValue(SecurityHeaders.HSTS);
        Await.until("the page is kept again", () -> cache.get(path) != null);
        assertThat(http.get(path).headers().firstValue("Strict-Transport-Security"))
                .as("kept from an HTTPS request, served over HTTP").isEmpty();
        assertThat(http.get("/admin/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValue(SecurityHeaders.HSTS);
    }

    @Test
    void everyPageTellsOtherSitesNothingAndLoadsImagesOnlyFromThisOne() {
        Http http = new Http(port);
        for (String path : new String[] {"/en/", "/en/", "/en/search?q=x", "/en/join", "/admin/login", "/en/no-such-page"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy")).as(path).hasValue(SecurityHeaders.PERMISSIONS_POLICY);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self' data:;"));
        }
    }
}
