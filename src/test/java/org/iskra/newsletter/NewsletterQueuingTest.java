package org.iskra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.IskraApplication;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.OutboxIskraTest;
import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queuing a mailing in the database (INSERT … SELECT from the confirmed subscriptions of its language, a range of
 * subscriber ids at a time) and sending it from two nodes on one database, as behind a load balancer: this test
 * application and a second one started beside it, both sending to the same mail server (GreenMail). Every confirmed
 * subscriber of the language gets exactly one copy, whichever node sent it; the others none.
 */
@OutboxIskraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterQueuingTest {

    private static final String LANGUAGE = "hy";
    private static final String OTHER_LANGUAGE = "az";

    @RegisterExtension
    static final MailServer mailServer = new MailServer();

    @Autowired
    Environment environment;

    @Autowired
    SubscriberStore store;

    @Autowired
    SubscriberLinks links;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyedHash hash;

    @Autowired
    ArticleWriter writer;

    @Autowired
    DigestSchedule schedule;

    @Autowired
    SendStore sends;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    ConfigurableApplicationContext other;

    @BeforeAll
    void startTheOtherNode() {
        List<String> sameDatabase = new ArrayList<>(List.of("--server.port=0", "--iskra.demo=false",
                "--iskra.data=" + TestDatabase.freshDataFolder(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--iskra.privacy.key-file=" + environment.getProperty("iskra.privacy.key-file"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + MailServer.PORT));
        for (String key : List.of("iskra.mail.poll-interval", "iskra.mail.retry-delay", "iskra.mail.from",
                "spring.flyway.default-schema", "spring.flyway.schemas",
                "spring.datasource.hikari.maximum-pool-size", "spring.datasource.hikari.minimum-idle")) {
            if (environment.containsProperty(key)) {
                sameDatabase.add("--" + key + "=" + environment.getProperty(key));
            }
        }
        other = new SpringApplicationBuilder(IskraApplication.class).run(sameDatabase.toArray(String[]::new));
    }

    @AfterAll
    void stopTheOtherNode() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void everyConfirmedSubscriberOfTheLanguageGetsOneCopyAndTwoNodesShareTheSending() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<String> none = new HashSet<>();
        Set<String> confirmed = new HashSet<>();
        for (int n = 0; n < 450; n++) {
            confirmed.add(subscriber("reader" + n, List.of(LANGUAGE), now, "confirmed"));
            if (n % 20 == 0) {
                // between the readers, so that every range of ids holds some of each
                none.add(subscriber("left" + n, List.of(LANGUAGE), now, "unsubscribed"));
                none.add(subscriber("refused" + n, List.of(LANGUAGE), now, "refused"));
                none.add(subscriber("waiting" + n, List.of(LANGUAGE), now, "pending"));
                none.add(subscriber("elsewhere" + n, List.of(OTHER_LANGUAGE), now, "confirmed"));
            }
        }
        confirmed.add(subscriber("both", List.of(OTHER_LANGUAGE, LANGUAGE), now, "confirmed"));
        double sentHere = sent(meters);
        double sentThere = sent(other.getBean(MeterRegistry.class));

        new Publishing(writer).publish(ArticleMother.article().writtenIn(LANGUAGE).inLanguage(LANGUAGE)
                .title("Ամսվա հոդվածը").standfirst("Ինչ է պատմում թերթը"));
        sends.digestDue(LANGUAGE, now.minusSeconds(1));
        schedule.run();
        long send = jdbc.sql("select max(id) from newsletter_send where language = ?").param(LANGUAGE).query(Long.class).single();

        Set<String> mine = new HashSet<>(confirmed);
        mine.addAll(none);
        Await.until("every copy of mailing " + send + " delivered", java.time.Duration.ofMinutes(2), () -> {
            schedule.run();
            return sends.find(send).orElseThrow().finishedAt() != null;
        });
        Map<String, Long> received = Arrays.stream(mailServer.getReceivedMessages())
                .map(NewsletterQueuingTest::recipient)
                .filter(mine::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received.keySet()).as("who got the digest").containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(received.values()).as("copies per recipient").allMatch(count -> count == 1);
        assertThat(sends.find(send).orElseThrow().recipients()).isGreaterThanOrEqualTo(confirmed.size());
        double byThisNode = sent(meters) - sentHere;
        double byTheOther = sent(other.getBean(MeterRegistry.class)) - sentThere;
        assertThat(byThisNode).as("copies this node sent").isPositive();
        assertThat(byTheOther).as("copies the other node sent").isPositive();
        assertThat(Math.round(byThisNode + byTheOther)).as("no copy sent twice")
                .isEqualTo(sends.find(send).orElseThrow().sent().longValue());
    }

    /** A subscriber stored as the form and its links leave it; the address, unique to this test. */
    private String subscriber(String name, List<String> languages, OffsetDateTime now, String status) {
        String email = name + "." + System.nanoTime() + "@queuing.example.org";
        String linkId = links.newLinkId();
        long id = store.insert(cipher.seal(email, Subscriptions.EMAIL, linkId), hash.of(Subscriptions.EMAIL_HASH, email),
                linkId, languages.get(0), null, now);
        store.choose(id, languages, List.of());
        if (!"pending".equals(status)) {
            store.confirm(id, now);
        }
        if (!"pending".equals(status) && !"confirmed".equals(status)) {
            store.end(id, status, now);
        }
        return email;
    }

    private static double sent(MeterRegistry registry) {
        Counter counter = registry.find("iskra.mail.bulk.sent").tag("kind", Subscriptions.BULK_KIND).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
