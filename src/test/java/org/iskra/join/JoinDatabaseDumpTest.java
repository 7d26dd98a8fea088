package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.testsupport.DatabaseDump;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What someone who walks off with the database learns about applicants: a whole dump (H2's SCRIPT, or pg_dump on
 * PostgreSQL) taken after real submissions holds none of the values they typed, in any form we can think of.
 */
@IskraIntegrationTest
class JoinDatabaseDumpTest {

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void aDumpOfTheWholeDatabaseHoldsNoneOfTheSubmittedPersonalData() throws Exception {
        JoinClient client = new JoinClient(port, tokens);
        List<String> secrets = new ArrayList<>();
        String[][] applicants = {
                {"Ануш Григорян", "anush.grigoryan.4417@example.org", "+374 91 123 456", "Гюмри", "Хочу помочь с листовками у завода"},
                {"Jordan Whitfield", "j.whitfield.2290@example.net", "+44 7700 900431", "Sheffield", "Steward at the depot, ready to help"},
                {"فاطمة الزهراء", "fatima.zahra.8823@example.com", "+212 612 345 678", "قرية الزيتون الصغيرة", "أريد الانضمام إلى الفرع"}};
        for (String[] applicant : applicants) {
            Map<String, String> form = new LinkedHashMap<>(client.applicant("AM"));
            form.put("name", applicant[0]);
            form.put("email", applicant[1]);
            form.put("phone", applicant[2]);
            form.put("city", applicant[3]);
            form.put("message", applicant[4]);
            assertThat(client.post("ru", form).statusCode()).isEqualTo(303);
            for (String value : applicant) {
                secrets.add(value);
            }
            secrets.add(applicant[1].substring(0, applicant[1].indexOf('@')));  // the address without its domain
            secrets.add(applicant[2].replace(" ", ""));                        // the number as digits
        }
        assertThat(jdbc.sql("select count(*) from join_request").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()).as("mail queued too").isPositive();

        String dump = DatabaseDump.of(jdbc, databaseUrl);

        assertThat(dump).contains("join_request").contains("outbox_message")
                .as("the dump is read as text: the demo's Russian titles show in it").contains("Вступайте в Интернационал");
        for (String secret : secrets) {
            assertThat(dump).as("the dump holds no trace of %s", secret)
                    .doesNotContainIgnoringCase(secret)
                    .doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }
}
