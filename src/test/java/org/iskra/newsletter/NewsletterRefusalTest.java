package org.iskra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.privacy.KeyedHash;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.SmtpSink;
import org.iskra.testsupport.StrictLimitsIskraTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mail server that refuses an address for good (550 to RCPT TO): each refusal is counted on the subscriber and in
 * the mailing's counts, never retried, and after the third the address is no longer sent to.
 */
@StrictLimitsIskraTest
class NewsletterRefusalTest {

    @RegisterExtension
    static final SmtpSink smtp = new SmtpSink(address -> address.startsWith("gone."));

    @LocalServerPort
    int port;

    @Autowired
    NewsletterFormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyedHash hash;

    @Autowired
    ArticleWriter writer;

    @Autowired
    DigestSchedule schedule;

    @Autowired
    SendStore sends;

    @Test
    void anAddressTheServerRefusesThreeTimesIsNoLongerSentTo() throws Exception {
        NewsletterClient client = new NewsletterClient(port, tokens);
        String refused = NewsletterClient.uniqueEmail("gone");
        String kept = NewsletterClient.uniqueEmail("here");
        for (String email : List.of(refused, kept)) {
            assertThat(client.subscribe("it", email, List.of("it")).statusCode()).isEqualTo(303);
        }
        // the confirmation goes through the transactional outbox, which retries what the server refuses; the link
        // is taken from the database's point of view: the subscriber confirms from another address's mail client
        confirm(client, kept);
        String refusedLink = jdbc.sql("select link_id from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, refused)).query(String.class).single();
        assertThat(client.postRaw("/it/newsletter/confirm/" + new SubscriberLinks(hash).token(refusedLink, SubscriberLinks.CONFIRM),
                "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(200);
        long id = jdbc.sql("select id from newsletter_subscriber where link_id = ?").param(refusedLink).query(Long.class).single();

        Publishing publishing = new Publishing(writer);
        for (int round = 1; round <= 3; round++) {
            publishing.publish(ArticleMother.article().writtenIn("it").inLanguage("it").title("Articolo " + round));
            long send = digestNow();
            awaitFinished(send);
            SendStore.Send finished = sends.find(send).orElseThrow();
            assertThat(finished.refused()).as("round %d", round).isEqualTo(1);
            assertThat(finished.sent()).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("select refusals from newsletter_subscriber where id = ?").param(id).query(Integer.class).single())
                    .isEqualTo(round);
        }
        assertThat(jdbc.sql("select status, email, email_hash from newsletter_subscriber where id = ?").param(id).query().singleRow())
                .containsEntry("status", "refused").containsEntry("email", null).containsEntry("email_hash", null);
        assertThat(jdbc.sql("select count(*) from outbox_bulk_message where recipient_ref = ? and status = 'refused'")
                .param(id).query(Long.class).single()).as("each refusal once, never retried").isEqualTo(3);

        int refusedBefore = smtp.refused().size();
        publishing.publish(ArticleMother.article().writtenIn("it").inLanguage("it").title("Articolo 4"));
        long fourth = digestNow();
        awaitFinished(fourth);
        assertThat(sends.find(fourth).orElseThrow().recipients()).isEqualTo(sends.find(fourth - 1).orElseThrow().recipients() - 1);
        assertThat(smtp.received().stream().filter(r -> r.recipient().equals(kept) && r.data().contains("Articolo 4"))).hasSize(1);
        assertThat(smtp.refused().subList(refusedBefore, smtp.refused().size())).doesNotContain(refused);
    }

    private void confirm(NewsletterClient client, String email) {
        Await.until("confirmation to " + email, () -> smtp.received().stream().anyMatch(r -> r.recipient().equals(email)));
        String data = smtp.received().stream().filter(r -> r.recipient().equals(email)).findFirst().orElseThrow().data();
        Matcher link = NewsletterTest.CONFIRM_LINK.matcher(data.replace("=\r\n", ""));
        assertThat(link.find()).as(data).isTrue();
        assertThat(client.postRaw(link.group(1), "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(200);
    }

    private long digestNow() {
        sends.digestDue("it", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
        schedule.run();
        return jdbc.sql("select max(id) from newsletter_send where language = 'it'").query(Long.class).single();
    }

    private void awaitFinished(long send) {
        Await.until("mailing " + send + " finished", () -> {
            schedule.run();
            return sends.find(send).orElseThrow().finishedAt() != null;
        });
    }
}
