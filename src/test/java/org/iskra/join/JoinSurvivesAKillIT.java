package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.iskra.testsupport.Await;
import org.iskra.testsupport.IskraProcess;
import org.iskra.testsupport.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The join form's promise under the worst kind of stop: the server process is killed (SIGKILL: no shutdown, no
 * flushing) while applicants are submitting. Every submission that was answered with the thank-you redirect must
 * be in the database when the server comes back; none may be there twice.
 */
class JoinSurvivesAKillIT {

    private static final int SUBMITTERS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedRequestIsInTheDatabaseAfterTheServerIsKilledDuringABurst() throws Exception {
        Path data = TestDatabase.freshDataFolder();
        Map<String, Object> database = TestDatabase.databaseSettings();
        String[] settings = {"--iskra.join.min-fill-time=0s", "--iskra.join.per-address=1000000",
                "--iskra.join.per-email=1000000", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Await.freePort()};

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        IskraProcess iskra = IskraProcess.start(data, database, settings);
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            for (int i = 0; i < SUBMITTERS; i++) {
                submitters.submit(() -> {
                    while (!stop.get()) {
                        try {
                            String token = formToken(iskra);
                            sent.incrementAndGet();
                            if (submit(iskra, token) == 303) {
                                acknowledged.add(token);
                            }
                        } catch (Exception refusedOrCutOff) {
                            // the server is gone (or going): an unanswered submission promises nothing
                        }
                    }
                });
            }
            Await.until(ACKNOWLEDGED_BEFORE_KILL + " acknowledged submissions", Duration.ofSeconds(120),
                    () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            iskra.kill();
        } finally {
            stop.set(true);
            submitters.shutdown();
            assertThat(submitters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            iskra.kill();
        }
        Set<String> acknowledgedAtKill = Set.copyOf(acknowledged);

        try (IskraProcess restarted = IskraProcess.start(data, database, settings)) {
            assertThat(submit(restarted, formToken(restarted))).as("the restarted server takes requests").isEqualTo(303);
        }

        List<String> stored = storedFormTokens(data, database);
        assertThat(new HashSet<>(stored)).as("every acknowledged request survived the kill").containsAll(acknowledgedAtKill);
        assertThat(stored).as("none stored twice").doesNotHaveDuplicates();
        assertThat(stored.size()).as("nothing stored that was not sent (+1 after the restart)").isLessThanOrEqualTo(sent.get() + 1);
        System.out.printf("kill -9 during a burst: %d submissions sent, %d acknowledged, %d stored, %d acknowledged lost%n",
                sent.get(), acknowledgedAtKill.size(), stored.size(),
                acknowledgedAtKill.stream().filter(token -> !stored.contains(token)).count());
    }

    private String formToken(IskraProcess iskra) throws Exception {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(iskra.uri("/en/join")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(form.body()).select("input[name=token]").attr("value");
    }

    private int submit(IskraProcess iskra, String token) throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String body = String.join("&", List.of(
                "name=" + encode("Applicant " + key), "email=" + encode("applicant." + key + "@example.org"),
                "country=AM", "city=" + encode("Yerevan " + key), "message=" + encode("Kill test " + key),
                "consent=yes", "homepage=", "token=" + encode(token)));
        return client.send(HttpRequest.newBuilder(iskra.uri("/en/join")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> storedFormTokens(Path data, Map<String, Object> database) throws Exception {
        String url = TestDatabase.onPostgres() ? (String) database.get("spring.datasource.url")
                : "jdbc:h2:file:" + data.resolve("iskra") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        String user = TestDatabase.onPostgres() ? (String) database.get("spring.datasource.username") : "sa";
        String password = TestDatabase.onPostgres() ? (String) database.get("spring.datasource.password") : "";
        List<String> tokens = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select form_token from join_request")) {
            while (rows.next()) {
                tokens.add(rows.getString(1));
            }
        }
        return tokens;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
