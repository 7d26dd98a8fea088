package org.iskra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.iskra.testsupport.Http;
import org.iskra.testsupport.StrictLimitsIskraTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Searches per client, behind a proxy that says who the client is (X-Forwarded-For, trusted from the loopback
 * address as from any private one). The same settings as {@code site.SecurityHeadersTest}: one application for both.
 */
@StrictLimitsIskraTest
class SearchLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aClientThatSearchedTooOftenWaitsAndOthersDoNot() {
        Http http = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/en/search?q=war" + i, "X-Forwarded-For", "198.51.100.7").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.get("/fr/search?q=guerre", "X-Forwarded-For", "198.51.100.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(Jsoup.parse(refused.body()).select("html").attr("lang")).isEqualTo("fr");
        assertThat(Jsoup.parse(refused.body()).select(".error").text()).isNotBlank();
        assertThat(http.get("/api/search?lang=en&q=war", "X-Forwarded-For", "198.51.100.7").statusCode()).isEqualTo(429);

        assertThat(http.get("/en/search?q=war", "X-Forwarded-For", "198.51.100.8").statusCode())
                .as("another client").isEqualTo(200);
        assertThat(http.get("/en/search", "X-Forwarded-For", "198.51.100.7").statusCode())
                .as("the empty form is no search").isEqualTo(200);
    }

    @Test
    void theAddressesOfOneIpv6NetworkAreOneClient() {
        Http http = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/en/search?q=strike", "X-Forwarded-For", "2001:db8:77:1::" + Integer.toHexString(i + 1))
                    .statusCode()).isEqualTo(200);
        }
        assertThat(http.get("/en/search?q=strike", "X-Forwarded-For", "2001:db8:77:1:ffff:ffff:ffff:fffe").statusCode())
                .as("another address of the same /64").isEqualTo(429);
        assertThat(http.get("/en/search?q=strike", "X-Forwarded-For", "2001:db8:77:2::1").statusCode())
                .as("the next /64").isEqualTo(200);
    }
}
