package org.iskra.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.iskra.scheduling.SingleNodeJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the outbox no longer needs goes, {@code iskra.mail.retention} after it: transactional mail once sent or
 * given up (sealed, but still who was written to and what), and the copies of a mailing once their source has
 * counted them in a summary of its own ({@link BulkMailSource#countedBefore}), so no count shown to staff ever
 * comes from rows that are gone. One node at a time, a few thousand rows per statement.
 */
@Component
@ConditionalOnWebApplication
class SentMailRetention {

    private static final Logger log = LoggerFactory.getLogger(SentMailRetention.class);
    static final int ROWS_PER_DELETE = 5_000;

    private final SingleNodeJobs jobs;
    private final OutboxStore outbox;
    private final BulkOutboxStore bulk;
    private final List<BulkMailSource> sources;
    private final OutboxProperties properties;

    SentMailRetention(SingleNodeJobs jobs, OutboxStore outbox, BulkOutboxStore bulk, List<BulkMailSource> sources,
                      OutboxProperties properties) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.bulk = bulk;
        this.sources = sources;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${iskra.mail.retention-check:1h}", initialDelayString = "${iskra.mail.retention-check:1h}")
    void check() {
        try {
            jobs.runAlone("mail.retention", Duration.ofMinutes(30), this::run);
        } catch (RuntimeException e) {
            log.warn("Mail retention: the check failed; trying again at the next one", e);
        }
    }

    /** Returns how many rows it deleted, of both outboxes. */
    long run() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(properties.retention());
        long mail = 0;
        int n;
        do {
            n = outbox.deleteEndedBefore(before, ROWS_PER_DELETE);
            mail += n;
        } while (n == ROWS_PER_DELETE);
        long copies = 0;
        for (BulkMailSource source : sources) {
            for (long batch : source.countedBefore(before)) {
                do {
                    n = bulk.deleteEnded(source.kind(), batch, ROWS_PER_DELETE);
                    copies += n;
                } while (n == ROWS_PER_DELETE);
            }
        }
        if (mail + copies > 0) {
            log.info("Mail retention: {} sent message(s) and {} copies of mailings deleted", mail, copies);
        }
        return mail + copies;
    }
}
