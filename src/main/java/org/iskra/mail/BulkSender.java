package org.iskra.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends mailings ({@link BulkOutbox}) on a thread of its own on every node, so a mailing of hours at the provider's
 * rate never holds up the scheduler (nor the transactional outbox, which its own worker keeps sending). Each round
 * claims a batch of copies with a lease, reserves its slot of the kind's shared rate, has the source make the
 * copies, sends them over one connection to the mail server and records each copy's outcome. A copy whose address
 * the server refused for good (SMTP 5xx) is marked refused and the source told; any other failure is retried as the
 * outbox retries. Only the web application runs it: a command (import, keys …) started from a shell never sends.
 */
@Component
@ConditionalOnWebApplication
class BulkSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkSender.class);
    /** Copies per round: one connection to the mail server, one UPDATE for those sent. */
    static final int MAX_BATCH = 100;

    private final List<BulkMailSource> sources;
    private final BulkOutboxStore store;
    private final BulkCopies copies;
    private final JavaMailSender mailSender;
    private final OutboxProperties properties;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private volatile boolean closing;
    private Thread worker;

    BulkSender(List<BulkMailSource> sources, BulkOutboxStore store, BulkCopies copies, JavaMailSender mailSender,
               OutboxProperties properties, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.sources = sources;
        this.store = store;
        this.copies = copies;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
        Gauge.builder("iskra.mail.bulk.pending", store, BulkOutboxStore::pending)
                .description("Copies of mailings waiting to be sent, on all nodes").strongReference(true).register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (sources.isEmpty() || worker != null) {
            return;
        }
        worker = new Thread(this::run, "bulk-mail");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        while (!closing) {
            int done = 0;
            try {
                for (BulkMailSource source : sources) {
                    done += sendBatch(source);
                }
            } catch (RuntimeException e) {
                // database trouble: what was claimed goes back when its lease runs out
                log.warn("Bulk mail: could not read or update queued copies; trying again shortly", e);
            }
            if (done == 0) {
                pause(properties.pollInterval());
            }
        }
    }

    /** One round for one kind: returns how many copies it finished (sent, refused, cancelled, failed or retried). */
    int sendBatch(BulkMailSource source) {
        double rate = source.ratePerSecond();
        int size = rate > 0 ? (int) Math.max(1, Math.min(MAX_BATCH, Math.floor(rate))) : MAX_BATCH;
        String owner = UUID.randomUUID().toString();
        List<BulkOutboxStore.Claimed> batch = store.claim(source.kind(), owner, now(), now().plus(properties.lease()), size);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Long> ids = batch.stream().map(c -> c.item().id()).toList();
        try {
            if (rate > 0) {
                OffsetDateTime slot = transaction.execute(status -> store.reserve(source.kind(), batch.size(), rate, now()));
                pause(Duration.between(now(), slot));
            }
            send(source, batch, owner);
            return batch.size();
        } finally {
            store.release(owner, ids);
        }
    }

    private void send(BulkMailSource source, List<BulkOutboxStore.Claimed> batch, String owner) {
        List<Optional<BulkMailSource.Copy>> made = source.compose(batch.stream().map(BulkOutboxStore.Claimed::item).toList());
        if (made.size() != batch.size()) {
            throw new IllegalStateException(source.kind() + " made " + made.size() + " copies for " + batch.size() + " items");
        }
        List<Long> cancelled = new ArrayList<>();
        List<Long> unsendable = new ArrayList<>();
        Map<MimeMessage, BulkOutboxStore.Claimed> messages = new IdentityHashMap<>();
        List<MimeMessage> ordered = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            BulkOutboxStore.Claimed claimed = batch.get(i);
            if (made.get(i).isEmpty()) {
                cancelled.add(claimed.item().id());
                continue;
            }
            try {
                MimeMessage mime = copies.mime(made.get(i).get(), claimed.item().language());
                messages.put(mime, claimed);
                ordered.add(mime);
            } catch (Exception e) {
                log.error("Bulk mail {} ({}) cannot be composed: {}", claimed.item().id(), source.kind(), OutboxSender.describe(e));
                unsendable.add(claimed.item().id());
            }
        }
        store.markFinal(cancelled, MailStatus.CANCELLED, owner, null);
        store.markFinal(unsendable, MailStatus.FAILED, owner, "cannot be composed");
        Map<Object, Exception> failures = deliver(ordered);
        List<Long> sent = new ArrayList<>();
        for (MimeMessage mime : ordered) {
            BulkOutboxStore.Claimed claimed = messages.get(mime);
            Exception failure = failures.get(mime);
            if (failure == null) {
                sent.add(claimed.item().id());
            } else if (SmtpReplies.refusesAddress(failure)) {
                refused(source, claimed, owner, OutboxSender.describe(failure));
            } else {
                failed(source, claimed, owner, OutboxSender.describe(failure));
            }
        }
        store.markSent(sent, owner, now());
        count("iskra.mail.bulk.sent", "Copies of mailings the mail server accepted", source, sent.size());
    }

    /** Sends over one connection; the messages that failed, each with its reason (all of them if none got through). */
    private Map<Object, Exception> deliver(List<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        try {
            mailSender.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            if (!e.getFailedMessages().isEmpty()) {
                return e.getFailedMessages();
            }
            return everyOne(messages, e);
        } catch (MailException e) {
            return everyOne(messages, e);
        }
    }

    private static Map<Object, Exception> everyOne(List<MimeMessage> messages, Exception e) {
        Map<Object, Exception> all = new IdentityHashMap<>();
        messages.forEach(m -> all.put(m, e));
        return all;
    }

    private void refused(BulkMailSource source, BulkOutboxStore.Claimed claimed, String owner, String error) {
        transaction.executeWithoutResult(status -> {
            store.markFinal(List.of(claimed.item().id()), MailStatus.REFUSED, owner, error);
            source.refused(claimed.item());
        });
        count("iskra.mail.bulk.refused", "Copies of mailings whose address the mail server refused for good", source, 1);
        log.info("Bulk mail {} ({}) refused by the mail server: {}", claimed.item().id(), source.kind(), error);
    }

    private void failed(BulkMailSource source, BulkOutboxStore.Claimed claimed, String owner, String error) {
        count("iskra.mail.bulk.failures", "Attempts to send a copy of a mailing that the mail server did not accept", source, 1);
        int attempts = claimed.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            store.markFinal(List.of(claimed.item().id()), MailStatus.FAILED, owner, error);
            log.error("Bulk mail {} ({}) given up after {} attempt(s): {}", claimed.item().id(), source.kind(), attempts, error);
            return;
        }
        store.retryLater(claimed.item().id(), owner, now().plus(properties.delayAfter(attempts)), error);
        log.debug("Bulk mail {} ({}) not sent, attempt {}: {}", claimed.item().id(), source.kind(), attempts, error);
    }

    private void count(String name, String description, BulkMailSource source, int amount) {
        if (amount > 0) {
            Counter.builder(name).description(description).tag("kind", source.kind()).register(meters).increment(amount);
        }
    }

    private void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
