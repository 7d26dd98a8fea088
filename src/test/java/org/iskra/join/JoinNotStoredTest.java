package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.iskra.testsupport.EmptyIskraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * When a request cannot be committed (here: the committer has stopped, as during a shutdown), the applicant gets
 * 503 with the form, what they typed and a message in their language, never a thank-you.
 */
@EmptyIskraTest
@DirtiesContext
class JoinNotStoredTest {

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    JoinCommitter committer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestThatCannotBeStoredGets503WithTheFormAsTypedAndNothingIsAcknowledged() throws Exception {
        JoinClient client = new JoinClient(port, tokens);
        assertThat(client.post("en", client.applicant("FR")).statusCode()).isEqualTo(303);
        committer.destroy();
        Map<String, String> form = client.applicant("FR");

        HttpResponse<String> response = client.post("ru", form);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body()).contains("заявку сейчас не удалось сохранить")
                .contains("value=\"" + form.get("city") + "\"")
                .contains(form.get("message"));
        assertThat(jdbc.sql("select count(*) from join_request where form_token = ?").param(form.get("token"))
                .query(Long.class).single()).isZero();
    }
}
