package org.iskra.mail;

import java.io.UnsupportedEncodingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.SealedValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Every node runs this worker; they share the work through leases in the database:
 * a worker claims a batch of due messages, renews its lease on each just before sending it, and marks it sent. So
 * two nodes never send the same message while a lease lasts. A node that dies (or loses the database) after the
 * mail server accepted a message but before it marked it sent leaves a lease that runs out, and then the message
 * is sent again: at worst a duplicate, never a loss. The lease (default 5 minutes) is far longer than one send can
 * take with the mail server timeouts (10 s each).
 *
 * <p>A failed attempt is retried after a delay that doubles each time (30 s, 1 min, 2 min … at most 1 h); after
 * {@code iskra.mail.max-attempts} the message is marked failed. The first failure in a batch ends the batch, since
 * it usually means the mail server is unreachable; the rest is released for the next poll. Log lines and the
 * stored error name the message id, kind and exception types only: exception messages can carry addresses.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 300;

    private final OutboxStore store;
    private final PersonalDataCipher cipher;
    private final JavaMailSender mailSender;
    private final OutboxProperties properties;
    private final InternetAddress from;
    private final MeterRegistry meters;

    OutboxSender(OutboxStore store, PersonalDataCipher cipher, JavaMailSender mailSender, OutboxProperties properties,
                 MeterRegistry meters) {
        this.store = store;
        this.cipher = cipher;
        this.mailSender = mailSender;
        this.properties = properties;
        this.from = fromAddress(properties.from());
        this.meters = meters;
        // counted in the database, so every node reports the same numbers for the whole installation
        Gauge.builder("iskra.mail.pending", store, s -> s.count(MailStatus.PENDING))
                .description("Messages in the outbox waiting to be sent, on all nodes").strongReference(true).register(meters);
        Gauge.builder("iskra.mail.failed", store, s -> s.count(MailStatus.FAILED))
                .description("Messages given up after the last attempt failed, on all nodes").strongReference(true).register(meters);
    }

    @Scheduled(fixedDelayString = "${iskra.mail.poll-interval:2s}", initialDelayString = "${iskra.mail.poll-interval:2s}")
    void poll() {
        try {
            while (sendDue() == properties.batchSize()) {
                // a full batch went out: more may be due
            }
        } catch (RuntimeException e) {
            // database trouble: the statements carry sealed values at most, never plaintext
            log.warn("Outbox: could not read or update queued mail; trying again at the next poll", e);
        }
    }

    /** Claims one batch of due messages and sends it; returns how many were sent. */
    int sendDue() {
        String owner = UUID.randomUUID().toString();
        List<OutboxStore.Claimed> batch = store.claim(owner, now(), now().plus(properties.lease()), properties.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try {
            for (OutboxStore.Claimed message : batch) {
                if (!store.renew(message.id(), owner, now().plus(properties.lease()))) {
                    continue;
                }
                Outcome outcome = deliver(message, owner);
                if (outcome == Outcome.SENT) {
                    sent++;
                } else if (outcome == Outcome.SERVER_FAILED) {
                    break;
                }
            }
        } finally {
            store.release(owner, batch.stream().map(OutboxStore.Claimed::id).toList());
        }
        return sent;
    }

    private enum Outcome { SENT, SERVER_FAILED, UNSENDABLE }

    private Outcome deliver(OutboxStore.Claimed message, String owner) {
        MimeMessage mime;
        try {
            mime = compose(message);
        } catch (SealedValueException e) {
            // the message of a SealedValueException names keys, never values
            giveUp(message, owner, "cannot be opened: " + e.getMessage());
            return Outcome.UNSENDABLE;
        } catch (MessagingException | RuntimeException e) {
            giveUp(message, owner, "cannot be composed: " + describe(e));
            return Outcome.UNSENDABLE;
        }
        try {
            mailSender.send(mime);
        } catch (RuntimeException e) {
            failed(message, owner, describe(e));
            return Outcome.SERVER_FAILED;
        }
        store.markSent(message.id(), owner, now());
        Counter.builder("iskra.mail.sent").description("Messages the mail server accepted")
                .tag("kind", message.kind()).register(meters).increment();
        log.debug("Mail {} ({}) sent", message.id(), message.kind());
        return Outcome.SENT;
    }

    private MimeMessage compose(OutboxStore.Claimed message) throws MessagingException {
        String recipient = cipher.open(message.recipient(), Outbox.RECIPIENT, message.publicId());
        String subject = cipher.open(message.subject(), Outbox.SUBJECT, message.publicId());
        String body = cipher.open(message.bodyText(), Outbox.BODY, message.publicId());
        MimeMessage mime = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(new InternetAddress(recipient, true));
        helper.setSubject(subject);
        helper.setText(body, false);
        mime.setHeader("Content-Language", message.language());
        // RFC 3834: an automatic message, so auto-responders do not answer it
        mime.setHeader("Auto-Submitted", "auto-generated");
        return mime;
    }

    private void failed(OutboxStore.Claimed message, String owner, String error) {
        Counter.builder("iskra.mail.send.failures").description("Attempts the mail server did not accept")
                .tag("kind", message.kind()).register(meters).increment();
        int attempts = message.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            giveUp(message, owner, error);
            return;
        }
        OffsetDateTime next = now().plus(properties.delayAfter(attempts));
        store.retryLater(message.id(), owner, next, error);
        log.warn("Mail {} ({}) not sent, attempt {} of {}: {}; next attempt at {}", message.id(), message.kind(), attempts,
                properties.maxAttempts(), error, next);
    }

    private void giveUp(OutboxStore.Claimed message, String owner, String error) {
        String shortError = shorten(error);
        store.markFailed(message.id(), owner, shortError);
        log.error("Mail {} ({}) given up after {} attempt(s): {}", message.id(), message.kind(), message.attempts() + 1, shortError);
    }

    /**
     * The exception types of a failure, outermost first, e.g. {@code MailSendException < MailConnectException <
     * ConnectException}: enough to tell an outage from a refused address, and free of the addresses that mail
     * exception messages quote.
     */
    static String describe(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StringBuilder types = new StringBuilder();
        Throwable current = failure;
        while (current != null && seen.add(current)) {
            if (types.length() > 0) {
                types.append(" < ");
            }
            types.append(current.getClass().getSimpleName().isEmpty() ? current.getClass().getName() : current.getClass().getSimpleName());
            Throwable next = current.getCause();
            if (next == null && current instanceof MailSendException send && send.getMessageExceptions().length > 0) {
                next = send.getMessageExceptions()[0];
            }
            current = next;
        }
        return shorten(types.toString());
    }

    private static String shorten(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    static InternetAddress fromAddress(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            // re-created so a non-ASCII display name ("Искра") is encoded as UTF-8 whatever the platform charset
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("iskra.mail.from (ISKRA_MAIL_FROM) is not an address such as: Iskra <no-reply@example.org>", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
