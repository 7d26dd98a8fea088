package org.iskra.newsletter;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.iskra.mail.Outbox;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.scheduling.SingleNodeJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions never confirmed are erased once their confirmation link has expired
 * ({@code iskra.newsletter.confirmation-lifetime}), with the newsletter's mail to them: someone may have typed an
 * address that is not theirs. One node at a time, a batch per transaction, each batch an audit row.
 */
@Component
@ConditionalOnWebApplication
class UnconfirmedRetention {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedRetention.class);
    private static final int BATCH = 200;

    private final SingleNodeJobs jobs;
    private final SubscriberStore store;
    private final Outbox outbox;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final NewsletterProperties properties;
    private final TransactionTemplate transaction;

    UnconfirmedRetention(SingleNodeJobs jobs, SubscriberStore store, Outbox outbox, PersonalDataCipher cipher,
                         AuditLog audit, NewsletterProperties properties, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.store = store;
        this.outbox = outbox;
        this.cipher = cipher;
        this.audit = audit;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${iskra.newsletter.retention-check:1h}", initialDelayString = "${iskra.newsletter.retention-check:1h}")
    void check() {
        try {
            jobs.runAlone("newsletter.retention", Duration.ofMinutes(30), this::run);
        } catch (RuntimeException e) {
            log.warn("Newsletter retention: the check failed; trying again at the next one", e);
        }
    }

    /** Returns how many unconfirmed subscriptions it erased. */
    int run() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(properties.confirmationLifetime());
        int erased = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                List<SubscriberStore.Row> rows = store.pendingBefore(before, BATCH);
                for (SubscriberStore.Row row : rows) {
                    if (row.email() != null) {
                        outbox.erase(cipher.open(row.email(), Subscriptions.EMAIL, row.linkId()), Subscriptions.MAIL_KINDS);
                    }
                    store.delete(row.id());
                }
                if (!rows.isEmpty()) {
                    audit.record(Actor.ISKRA, "newsletter.retention", "newsletter_subscriber", null, null,
                            "unconfirmed=" + rows.size());
                }
                return rows.size();
            });
            erased += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (erased > 0) {
            log.info("Newsletter retention: {} unconfirmed subscription(s) erased", erased);
        }
        return erased;
    }
}
