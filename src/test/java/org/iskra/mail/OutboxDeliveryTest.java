package org.iskra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.DatabaseDump;
import org.iskra.testsupport.JobRuns;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.OutboxIskraTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real mail server (GreenMail) that the tests stop and start, on the database under test. */
@OutboxIskraTest
class OutboxDeliveryTest {

    private static final int SMTP_PORT = MailServer.PORT;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxStore store;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    OutboxProperties properties;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private GreenMail mailServer;

    @BeforeEach
    void startMailServer() {
        mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
    }

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    private long enqueue(MailMother mail) {
        return transaction.execute(status -> outbox.enqueue(mail.build()));
    }

    @Test
    void aQueuedMessageIsDeliveredInUtf8FromTheConfiguredAddress() throws Exception {
        MailMother mail = MailMother.mail();
        long id = enqueue(mail);

        MimeMessage received = awaitOne(mail.recipient());

        assertThat(received.getSubject()).isEqualTo("Подтвердите адрес — Искра");
        assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo(
                "Здравствуйте, Анна!\n\nПодтвердите, пожалуйста, ваш адрес: https://iskra.example/ru/join/confirm/x\n");
        assertThat(received.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@iskra.example");
        assertThat(from.getPersonal()).isEqualTo("Искра");
        assertThat(received.getHeader("Content-Language")).containsExactly("ru");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        Await.until("marked sent", () -> "sent".equals(row(id).get("status")));
        Map<String, Object> row = row(id);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("lease_owner")).isNull();
    }

    @Test
    void theDatabaseHoldsNoPlaintextRecipientSubjectOrBody() throws Exception {
        String recipient = "olga.kravchenko.7731@example.org";
        String subject = "Ласкаво просимо, Ольго";
        String body = "Ольга Кравченко, Харків, +380 44 123 45 67";
        long id = enqueue(MailMother.mail().to(recipient).subject(subject).body(body).language("uk"));

        Map<String, Object> stored = jdbc.sql("select recipient, subject, body_text, language, kind from outbox_message where id = ?")
                .param(id).query().singleRow();
        for (String column : List.of("recipient", "subject", "body_text")) {
            assertThat(stored.get(column).toString()).as(column).startsWith("v2.")
                    .doesNotContain(recipient).doesNotContain("olga").doesNotContain("Ольг").doesNotContain("Харків")
                    .doesNotContain("123 45 67");
        }
        assertThat(stored.get("language")).isEqualTo("uk");
        String dump = DatabaseDump.of(jdbc, databaseUrl);
        assertThat(dump).contains("outbox_message").doesNotContain("olga.kravchenko").doesNotContain("Ольг").doesNotContain("Харків");
        awaitOne(recipient);
    }

    @Test
    void aMailServerOutageDelaysAMessageAndItIsDeliveredOnceWhenTheServerIsBack() throws Exception {
        mailServer.stop();
        double failuresBefore = failures();
        MailMother mail = MailMother.mail();
        long id = enqueue(mail);

        Await.until("a failed attempt", () -> ((Number) row(id).get("attempts")).intValue() >= 1 && row(id).get("lease_owner") == null);
        Map<String, Object> afterFailure = row(id);
        assertThat(afterFailure.get("status")).isEqualTo("pending");
        assertThat((OffsetDateTime) afterFailure.get("next_attempt_at")).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
        assertThat((String) afterFailure.get("last_error")).contains("ConnectException").doesNotContain(mail.recipient());
        assertThat(failures()).isGreaterThan(failuresBefore);

        startMailServer();

        awaitOne(mail.recipient());
        Await.until("marked sent", () -> "sent".equals(row(id).get("status")));
        workerRuns().awaitMore(2);
        assertThat(messagesTo(mail.recipient())).as("delivered exactly once").hasSize(1);
        assertThat(((Number) row(id).get("attempts")).intValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMessageOnItsLastAttemptIsMarkedFailedAndNotRetried() throws Exception {
        mailServer.stop();
        MailMother mail = MailMother.mail();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = insertSealed("join.confirmation", mail.recipient(), now);
        jdbc.sql("update outbox_message set attempts = ? where id = ?").params(properties.maxAttempts() - 1, id).update();

        Await.until("given up", () -> "failed".equals(row(id).get("status")));
        startMailServer();
        workerRuns().awaitMore(2);

        assertThat(row(id).get("attempts")).isEqualTo(properties.maxAttempts());
        assertThat(messagesTo(mail.recipient())).isEmpty();
    }

    @Test
    void aMessageThatCannotBeOpenedIsMarkedFailedAtOnce() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String publicId = UUID.randomUUID().toString();
        long id = store.insert(new OutboxStore.NewMessage(publicId, "join.confirmation",
                "v1.deadbeef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, cipher.seal("Subject", Outbox.SUBJECT, publicId),
                cipher.seal("Body", Outbox.BODY, publicId), "en"), now);

        Await.until("given up", () -> "failed".equals(row(id).get("status")));

        assertThat(row(id).get("attempts")).isEqualTo(1);
        assertThat((String) row(id).get("last_error")).startsWith("cannot be opened: the value was sealed with key deadbeef");
    }

    @Test
    void severalWorkersOnOneDatabaseNeverSendAMessageTwice() throws Exception {
        int count = 60;
        List<String> recipients = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                MailMother mail = MailMother.mail().subject("Письмо " + i);
                recipients.add(mail.recipient());
                outbox.enqueue(mail.build());
            }
        });
        // two more workers, as on two more nodes, racing the application's own in small batches
        OutboxProperties smallBatches = new OutboxProperties(properties.from(), properties.pollInterval(), 3,
                properties.maxAttempts(), properties.retryDelay(), properties.maxRetryDelay(), properties.lease(), properties.retention());
        List<OutboxSender> workers = List.of(new OutboxSender(store, cipher, mailSender, smallBatches, meters),
                new OutboxSender(store, cipher, mailSender, smallBatches, meters));
        ExecutorService threads = Executors.newFixedThreadPool(workers.size());
        try {
            List<Future<Integer>> sentByWorker = new ArrayList<>();
            for (OutboxSender worker : workers) {
                sentByWorker.add(threads.submit(() -> {
                    int sent = 0;
                    Instant deadline = Instant.now().plusSeconds(30);
                    while (Instant.now().isBefore(deadline) && pendingAmong(recipients) > 0) {
                        sent += worker.sendDue();
                    }
                    return sent;
                }));
            }
            for (Future<Integer> sent : sentByWorker) {
                sent.get();
            }
        } finally {
            threads.shutdownNow();
        }

        Await.until("all delivered", () -> recipients.stream().allMatch(r -> !messagesTo(r).isEmpty()));
        workerRuns().awaitMore(2);
        for (String recipient : recipients) {
            assertThat(messagesTo(recipient)).as(recipient).hasSize(1);
        }
    }

    @Test
    void concurrentClaimsNeverShareAMessage() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<Long> inserted = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 200; i++) {
            inserted.add(insertSealed("test.claim", "claim-" + i + "@example.org", now));
        }
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubleClaims = new CopyOnWriteArrayList<>();
        Map<String, List<Long>> claimsByOwner = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                claimers.add(threads.submit(() -> {
                    List<OutboxStore.Claimed> claimed;
                    do {
                        String owner = UUID.randomUUID().toString();
                        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                        claimed = store.claim(owner, at, at.plusMinutes(5), 5);
                        claimsByOwner.put(owner, claimed.stream().map(OutboxStore.Claimed::id).toList());
                        for (OutboxStore.Claimed message : claimed) {
                            String earlier = claimedBy.putIfAbsent(message.id(), owner);
                            if (earlier != null) {
                                doubleClaims.add(message.id() + " by " + earlier + " and " + owner);
                            }
                        }
                    } while (!claimed.isEmpty());
                }));
            }
            for (Future<?> claimer : claimers) {
                claimer.get();
            }
        } finally {
            threads.shutdownNow();
            claimsByOwner.forEach(store::release);
        }

        assertThat(doubleClaims).isEmpty();
        assertThat(claimedBy.keySet()).as("claimed by these claimers or the application's worker").isSubsetOf(inserted);
        assertThat(claimedBy).isNotEmpty();
        // released, they go out; wait, so that later tests do not queue behind them
        Await.until("all sent", () -> jdbc.sql("select count(*) from outbox_message where kind = 'test.claim' and status <> 'sent'")
                .query(Long.class).single() == 0);
    }

    @Test
    void theOutboxOnlyJoinsATransactionSoAMessageIsQueuedExactlyWhenItsCauseIsCommitted() {
        long before = jdbc.sql("select count(*) from outbox_message").query(Long.class).single();

        assertThatThrownBy(() -> outbox.enqueue(MailMother.mail().build())).isInstanceOf(IllegalTransactionStateException.class);
        Long rolledBack = transaction.execute(status -> {
            long id = outbox.enqueue(MailMother.mail().build());
            status.setRollbackOnly();
            return id;
        });

        assertThat(jdbc.sql("select count(*) from outbox_message where id = ?").param(rolledBack).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isEqualTo(before);
    }

    /** The application's own worker: a second copy or a retry would come from one of its next runs. */
    private JobRuns workerRuns() {
        return JobRuns.of(meters, OutboxSender.class.getName(), "poll");
    }

    private double failures() {
        return meters.find("iskra.mail.send.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long pendingAmong(List<String> recipients) {
        return recipients.size() - recipients.stream().filter(r -> !messagesTo(r).isEmpty()).count();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("""
                        select status, attempts, next_attempt_at, last_error, sent_at, lease_owner, lease_until
                          from outbox_message where id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("status", rs.getString("status"));
                    row.put("attempts", rs.getInt("attempts"));
                    row.put("next_attempt_at", rs.getObject("next_attempt_at", OffsetDateTime.class));
                    row.put("last_error", rs.getString("last_error"));
                    row.put("sent_at", rs.getObject("sent_at", OffsetDateTime.class));
                    row.put("lease_owner", rs.getString("lease_owner"));
                    return row;
                })
                .single();
    }

    private List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> ((InternetAddress) address).getAddress().equals(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage awaitOne(String recipient) {
        Await.until("a message to " + recipient, () -> !messagesTo(recipient).isEmpty());
        List<MimeMessage> received = messagesTo(recipient);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** A message stored as the outbox stores it, sealed and bound to its public id, without a recipient hash. */
    private long insertSealed(String kind, String recipient, OffsetDateTime now) {
        String publicId = UUID.randomUUID().toString();
        return store.insert(new OutboxStore.NewMessage(publicId, kind, cipher.seal(recipient, Outbox.RECIPIENT, publicId), null,
                cipher.seal("Subject", Outbox.SUBJECT, publicId), cipher.seal("Body", Outbox.BODY, publicId), "en"), now);
    }
}
