package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IskraIntegrationTest
class LanguageNegotiationTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void rootRedirectsToTheReadersPreferredLanguageAndVariesOnIt() {
        HttpResponse<String> response = http.get("/", "Accept-Language", "de-CH;q=0.4, ru-RU;q=0.9, en;q=0.8");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/ru/");
        assertThat(response.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
    }

    @Test
    void aRegionalVariantFallsBackToItsLanguage() {
        assertThat(http.get("/", "Accept-Language", "es-MX").headers().firstValue("Location")).hasValue("/es/");
    }

    @Test
    void anUnsupportedOrMalformedHeaderFallsBackToTheDefaultLanguage() {
        assertThat(http.get("/", "Accept-Language", "zz-ZZ").headers().firstValue("Location")).hasValue("/en/");
        assertThat(http.get("/", "Accept-Language", ";;;q=abc,,@@").headers().firstValue("Location")).hasValue("/en/");
        assertThat(http.get("/").headers().firstValue("Location")).hasValue("/en/");
    }

    @Test
    void unknownLanguageIsA404InTheReadersLanguage() {
        HttpResponse<String> response = http.get("/xx/", "Accept-Language", "ru");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Страница не найдена");
    }

    @Test
    void badPageNumbersAreNotFoundNeverAServerError() {
        for (String page : new String[] {"0", "-1", "abc", "99999", "1e9", "%00"}) {
            assertThat(http.get("/en/?page=" + page).statusCode()).as(page).isEqualTo(404);
        }
    }

    @Test
    void frontPageListsArticlesInItsLanguageWithLangAndDir() {
        HttpResponse<String> response = http.get("/ar/");
        assertThat(response.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select(".languages [aria-current]").text()).isEqualTo("العربية");
    }

    @Test
    void anExplicitChoiceIsRememberedForTheNextVisit() {
        var front = Jsoup.parse(http.get("/en/").body());
        String choose = front.select(".languages a[hreflang=hy]").attr("href");
        assertThat(choose).startsWith("/language/hy?next=");

        HttpResponse<String> chosen = http.get(choose);
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/hy/");
        String cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("iskra_lang=hy").contains("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> root = http.get("/", "Accept-Language", "ru", "Cookie", "iskra_lang=hy");
        assertThat(root.headers().firstValue("Location")).hasValue("/hy/");
        assertThat(root.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Cookie"));
        assertThat(http.get("/", "Cookie", "iskra_lang=zz").headers().firstValue("Location")).hasValue("/en/");
    }

    @Test
    void theChoiceNeverRedirectsToAnotherSite() {
        for (String next : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            HttpResponse<String> response = http.get("/language/ru?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.headers().firstValue("Location")).as(next).hasValue("/ru/");
        }
        assertThat(http.get("/language/xx").statusCode()).isEqualTo(404);
    }

    @Test
    void publicPagesSetNoCookies() {
        assertThat(http.get("/en/").headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void healthIsUpWhenReady() {
        HttpResponse<String> response = http.get("/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
