package org.iskra.organizing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.iskra.mail.Outbox;
import org.iskra.privacy.Actor;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.scheduling.SingleNodeJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data is kept no longer than the section needs it: a request closed as not interested, unreachable or
 * spam is erased its section's period for closed requests after it was closed (default 180 days), and a request
 * whose address was never confirmed and that nobody took up its period for unconfirmed ones after it arrived
 * (default 30 days). The erasure is the one an administrator runs for a data subject, one request per transaction;
 * the mail to the applicant goes too once none of their requests keeps personal data.
 */
@Component
class Retention {

    /** Iskra's own job, recorded as "by=retention" on the timeline and in the audit log. */
    private static final Actor RETENTION = Actor.ISKRA;
    private static final Duration LEASE = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final SingleNodeJobs jobs;
    private final ExpiredRequests expiredRequests;
    private final JoinRequestStore store;
    private final ApplicantData applicants;
    private final Outbox outbox;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate transaction;

    Retention(SingleNodeJobs jobs, ExpiredRequests expiredRequests, JoinRequestStore store, ApplicantData applicants, Outbox outbox,
              PersonalDataCipher cipher, PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.expiredRequests = expiredRequests;
        this.store = store;
        this.applicants = applicants;
        this.outbox = outbox;
        this.cipher = cipher;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${iskra.organizing.retention-check:1h}",
            initialDelayString = "${iskra.organizing.retention-check:1h}")
    void check() {
        jobs.runAlone("join-request-retention", LEASE, this::purge);
    }

    /** Erases every request whose period ran out; returns how many. */
    int purge() {
        int erased = 0;
        for (ExpiredRequests.Expired expired : expiredRequests.at(OffsetDateTime.now(ZoneOffset.UTC))) {
            transaction.executeWithoutResult(status -> erase(expired));
            erased++;
        }
        if (erased > 0) {
            log.info("Retention erased the personal data of {} join requests", erased);
        }
        return erased;
    }

    private void erase(ExpiredRequests.Expired expired) {
        String email = cipher.open(expired.email(), ApplicantFields.EMAIL, expired.publicId());
        applicants.erase(expired.id(), expired.publicId(), expired.sectionId(), RETENTION, "retention");
        if (email != null && !store.heldUnder(expired.emailHash())) {
            outbox.erase(email);
        }
    }

    /**
     * When retention will erase a request, or null if it keeps it (open, or already erased). Closed: the section's
     * period after its last status change (its arrival if none is recorded); new and never confirmed: the period
     * for unconfirmed requests after its arrival.
     */
    static OffsetDateTime purgeAt(RequestStatus status, boolean confirmed, OffsetDateTime createdAt, OffsetDateTime closedAt,
                                  OffsetDateTime erasedAt, int closedDays, int unconfirmedDays) {
        if (erasedAt != null || status == null || createdAt == null) {
            return null;
        }
        if (status.closed()) {
            return (closedAt == null ? createdAt : closedAt).plusDays(closedDays);
        }
        if (status == RequestStatus.NEW && !confirmed) {
            return createdAt.plusDays(unconfirmedDays);
        }
        return null;
    }
}
