package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.JobRuns;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.OutboxIskraTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The promise of the join form when the mail server is down: the applicant is thanked, the request is committed,
 * and the confirmation waits in the outbox until the server is back, then goes out once.
 */
@OutboxIskraTest
class JoinWhileMailIsDownTest {

    private static final int SMTP_PORT = MailServer.PORT;

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JoinIntake intake;

    @Autowired
    MeterRegistry meters;

    private GreenMail mailServer;

    @AfterEach
    void stopMailServer() {
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    void requestsAreCommittedWhileTheMailServerIsDownAndTheirConfirmationsGoOutOnceItIsBack() throws Exception {
        // the outbox is shared with other tests' messages: this test counts the ones queued after this
        long earlier = jdbc.sql("select coalesce(max(id), 0) from outbox_message").query(Long.class).single();
        JoinClient client = new JoinClient(port, tokens);
        List<Map<String, String>> applicants = List.of(client.applicant("AM"), client.applicant("FR"), client.applicant("BR"));
        for (Map<String, String> applicant : applicants) {
            HttpResponse<String> response = client.post("en", applicant);
            assertThat(response.statusCode()).as("thanked although no mail can be sent").isEqualTo(303);
            assertThat(requestsFor(applicant)).as("committed before the answer").isEqualTo(1);
        }
        Await.until("failed attempts to send the confirmations", () -> failedConfirmations(earlier) == applicants.size());
        assertThat(jdbc.sql("select count(*) from outbox_message where status = 'failed' and id > ?").param(earlier)
                .query(Integer.class).single())
                .as("an outage is not a reason to give up").isZero();

        mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();

        for (Map<String, String> applicant : applicants) {
            Await.until("the confirmation to " + applicant.get("email"), () -> messagesTo(applicant.get("email")).size() == 1);
        }
        // marked sent (the organizers' notices too: nothing of this test is left to send later), they are never tried
        // again; and the worker's next runs would show a second copy
        Await.until("the messages marked sent", () -> jdbc.sql(
                "select count(*) from outbox_message where id > ? and status <> 'sent'")
                .param(earlier).query(Integer.class).single() == 0);
        JobRuns.of(meters, "org.iskra.mail.OutboxSender", "poll").awaitMore(2);
        for (Map<String, String> applicant : applicants) {
            List<MimeMessage> messages = messagesTo(applicant.get("email"));
            assertThat(messages).as("delivered exactly once").hasSize(1);
            assertThat(GreenMailUtil.getBody(messages.get(0))).contains("/join/confirm");
        }
    }

    private int requestsFor(Map<String, String> applicant) {
        return jdbc.sql("select count(*) from join_request where email_hash = ?")
                .param(intake.emailHash(applicant.get("email")))
                .query(Integer.class).single();
    }

    /** Confirmations (one per applicant) that were tried and failed at least once, still pending. */
    private int failedConfirmations(long after) {
        return jdbc.sql("""
                        select count(*) from outbox_message
                         where kind = 'join.confirmation' and status = 'pending' and attempts >= 1 and last_error is not null
                           and id > ?""")
                .param(after).query(Integer.class).single();
    }

    private List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
