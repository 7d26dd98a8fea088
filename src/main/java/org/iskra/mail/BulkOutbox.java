package org.iskra.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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
     * Recipients as the sending feature selects them from its own tables: a query of one column,
     * {@code recipient_ref}, with its named parameters (none of them starting with {@code bulk_}). The outbox copies
     * its rows into its own table without reading them, so a feature never names the outbox's table nor the outbox
     * the feature's.
     */
    public record Recipients(String sql, Map<String, ?> parameters) {

        public Recipients {
            parameters = Map.copyOf(parameters);
            if (parameters.keySet().stream().anyMatch(name -> name.startsWith("bulk_"))) {
                throw new IllegalArgumentException("parameters named bulk_… are the outbox's own");
            }
        }
    }

    /**
     * Queues one copy of mailing {@code batchId} for each selected recipient, in one INSERT … SELECT: no recipient
     * passes through memory. Returns how many. MANDATORY: the mailing and its copies are one change. Callers select
     * a slice of their list at a time (a range of ids), so that no one statement grows with the list.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(String kind, long batchId, String language, Recipients recipients) {
        return store.insert(kind, batchId, language, recipients, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Counts counts(String kind, long batchId) {
        return store.counts(kind, batchId);
    }

    /** Whether copies of the mailing are still waiting or being retried (cheap enough for every check). */
    public boolean anyPending(String kind, long batchId) {
        return store.anyPending(kind, batchId);
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
