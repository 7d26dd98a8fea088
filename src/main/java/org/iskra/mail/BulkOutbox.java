package org.iskra.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox for mailings: one row per recipient naming the mailing and the recipient in the sending feature's own
 * terms, sent by every node's {@link BulkSender} with the outbox's leases and retries, at the rate the feature's
 * {@link BulkMailSource} allows, after the transactional mail of {@link Outbox} and never holding it up.
 */
@Service
public class BulkOutbox {

    /** Where a mailing stands: copies waiting (or being retried), sent, refused for good, failed, cancelled. */
    public record Counts(long pending, long sent, long refused, long failed, long cancelled) {

        public long queued() {
            return pending + sent + refused + failed + cancelled;
        }
    }

    /** One copy sent (or to be sent) to a recipient, for the export of what is held about them. */
    public record Delivery(long batchId, String status, OffsetDateTime queuedAt, OffsetDateTime sentAt) {
    }

    private final BulkOutboxStore store;

    BulkOutbox(BulkOutboxStore store) {
        this.store = store;
    }

    /**
     * Queues one copy of mailing {@code batchId} for each recipient. MANDATORY: the mailing and its copies are one
     * change. Callers hand the recipients over in chunks (a few thousand at a time), so that memory does not grow
     * with the list.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String kind, long batchId, String language, List<Long> recipientRefs) {
        store.insert(kind, batchId, language, recipientRefs, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Counts counts(String kind, long batchId) {
        return store.counts(kind, batchId);
    }

    public List<Delivery> deliveries(String kind, long recipientRef) {
        return store.deliveries(kind, recipientRef);
    }

    /** Cancels the copies not sent yet to this recipient; returns how many. MANDATORY: part of the recipient's leaving. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(String kind, long recipientRef) {
        return store.cancel(kind, recipientRef);
    }
}
