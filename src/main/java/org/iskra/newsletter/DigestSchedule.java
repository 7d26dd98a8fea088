package org.iskra.newsletter;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.iskra.mail.BulkOutbox;
import org.iskra.scheduling.SingleNodeJobs;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each language's digest, on one node at a time: every {@code iskra.newsletter.digest-interval} from the first
 * check on, a digest of what was published in that language since the last one (none when nothing was). The same
 * round records the final counts of mailings the outbox has finished with. Commands started from a shell never run
 * it.
 */
@Component
@ConditionalOnWebApplication
class DigestSchedule {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final SingleNodeJobs jobs;
    private final Languages languages;
    private final SendStore sends;
    private final Mailings mailings;
    private final BulkOutbox bulk;
    private final NewsletterProperties properties;

    DigestSchedule(SingleNodeJobs jobs, Languages languages, SendStore sends, Mailings mailings, BulkOutbox bulk,
                   NewsletterProperties properties) {
        this.jobs = jobs;
        this.languages = languages;
        this.sends = sends;
        this.mailings = mailings;
        this.bulk = bulk;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${iskra.newsletter.digest-check:1m}", initialDelayString = "${iskra.newsletter.digest-check:1m}")
    void check() {
        try {
            jobs.runAlone("newsletter.digest", Duration.ofMinutes(30), this::run);
        } catch (RuntimeException e) {
            log.warn("Newsletter digests: the check failed; trying again at the next one", e);
        }
    }

    void run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Language language : languages.all()) {
            Optional<OffsetDateTime> due = sends.digestDue(language.code());
            if (due.isEmpty()) {
                sends.digestDue(language.code(), now.plus(properties.digestInterval()));
            } else if (!due.get().isAfter(now)) {
                OffsetDateTime next = due.get();
                while (!next.isAfter(now)) {
                    next = next.plus(properties.digestInterval());
                }
                mailings.digest(language, next);
            }
        }
        finishSends(now);
    }

    /** Counts a mailing's copies once, when none is pending any more: every check asks only whether one is. */
    private void finishSends(OffsetDateTime now) {
        for (SendStore.Send send : sends.unfinished()) {
            if (bulk.anyPending(Subscriptions.BULK_KIND, send.id())) {
                continue;
            }
            BulkOutbox.Counts counts = bulk.counts(Subscriptions.BULK_KIND, send.id());
            if (counts.pending() == 0 && counts.queued() >= send.recipients()) {
                sends.finish(send.id(), now, counts.sent(), counts.refused(), counts.failed(), counts.cancelled());
            }
        }
    }
}
