package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.iskra.testsupport.StrictLimitsIskraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One client address sending form after form: past the limit it gets a 429 in its language, and nothing is stored. */
@StrictLimitsIskraTest
class JoinRateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClientAddressSendingMoreThanItsLimitGets429AndNothingMoreIsStored() {
        JoinClient client = new JoinClient(port, tokens);
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("en", client.applicant("FR")).statusCode()).isEqualTo(303);
        }
        Map<String, String> fourth = client.applicant("FR");

        HttpResponse<String> response = client.post("ru", fourth);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("отправлено слишком много форм").contains("value=\"" + fourth.get("city") + "\"");
        assertThat(jdbc.sql("select count(*) from join_request").query(Long.class).single()).isEqualTo(3);
    }
}
