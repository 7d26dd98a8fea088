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
    void healthIsUpWhenReady() {
        HttpResponse<String> response = http.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
