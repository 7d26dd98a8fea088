package org.iskra.mail;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_bulk_message} and {@code outbox_bulk_rate} tables. Claims work as in {@link OutboxStore}: the
 * candidates are read through the due index, then leased by id with the condition checked again on each row, and
 * every later write names the lease.
 */
@Repository
class BulkOutboxStore {

    private final JdbcClient jdbc;

    BulkOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One INSERT … SELECT: the database copies the feature's selection into the outbox. The casts give PostgreSQL
     * the parameters' types, which a select list does not.
     */
    int insert(String kind, long batchId, String language, BulkOutbox.Recipients recipients, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into outbox_bulk_message (kind, batch_id, recipient_ref, language, next_attempt_at, created_at)
                        select cast(:bulk_kind as varchar(100)), cast(:bulk_batch as bigint), r.recipient_ref,
                               cast(:bulk_language as varchar(16)), cast(:bulk_now as timestamp with time zone),
                               cast(:bulk_now as timestamp with time zone)
                          from (%s) r""".formatted(recipients.sql()))
                .params(recipients.parameters())
                .param("bulk_kind", kind).param("bulk_batch", batchId).param("bulk_language", language)
                .param("bulk_now", now)
                .update();
    }

    /** A claimed copy and how often it was tried before. */
    record Claimed(BulkMailSource.Item item, int attempts) {
    }

    /**
     * Up to {@code limit} due copies, leased to {@code owner} ({@link Leases}: ordered by the due time alone, H2 sorted
     * every pending copy on each claim, and a mailing to 100 000 slowed to a crawl).
     */
    List<Claimed> claim(String kind, String owner, OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Long> candidates = Leases.take(jdbc, new Leases.Queue("outbox_bulk_message", " and kind = :kind", "kind", kind), owner, now, leaseUntil, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, batch_id, recipient_ref, language, attempts from outbox_bulk_message
                         where id in (:ids) and lease_owner = :owner and status = 'pending'
                         order by next_attempt_at, id""")
                .param("ids", candidates).param("owner", owner)
                .query((rs, row) -> new Claimed(new BulkMailSource.Item(rs.getLong("id"), rs.getLong("batch_id"),
                        rs.getLong("recipient_ref"), rs.getString("language")), rs.getInt("attempts")))
                .list();
    }

    void markSent(List<Long> ids, String owner, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbox_bulk_message
                           set status = 'sent', sent_at = :now, attempts = attempts + 1, lease_owner = null, lease_until = null
                         where id in (:ids) and lease_owner = :owner""")
                .param("now", now).param("ids", ids).param("owner", owner)
                .update();
    }

    /** Ends copies for good: refused by the mail server, failed after the last attempt, or cancelled. */
    void markFinal(List<Long> ids, MailStatus status, String owner, String error) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbox_bulk_message
                           set status = :status, attempts = attempts + 1, last_error = :error, lease_owner = null, lease_until = null
                         where id in (:ids) and lease_owner = :owner""")
                .param("status", status.code()).param("error", error).param("ids", ids).param("owner", owner)
                .update();
    }

    void retryLater(long id, String owner, OffsetDateTime nextAttempt, String error) {
        jdbc.sql("""
                        update outbox_bulk_message
                           set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease_owner = null, lease_until = null
                         where id = ? and lease_owner = ?""")
                .params(nextAttempt, error, id, owner)
                .update();
    }

    void release(String owner, List<Long> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbox_bulk_message set lease_owner = null, lease_until = null
                         where id in (:ids) and lease_owner = :owner and status = 'pending'""")
                .param("ids", claimed).param("owner", owner)
                .update();
    }

    BulkOutbox.Counts counts(String kind, long batchId) {
        long[] counts = new long[MailStatus.values().length];
        jdbc.sql("select status, count(*) as n from outbox_bulk_message where kind = ? and batch_id = ? group by status")
                .params(kind, batchId)
                .query((rs, row) -> {
                    counts[MailStatus.stored(rs.getString("status")).ordinal()] = rs.getLong("n");
                    return null;
                })
                .list();
        return new BulkOutbox.Counts(counts[MailStatus.PENDING.ordinal()], counts[MailStatus.SENT.ordinal()],
                counts[MailStatus.REFUSED.ordinal()], counts[MailStatus.FAILED.ordinal()],
                counts[MailStatus.CANCELLED.ordinal()]);
    }

    /** Whether any copy of the mailing is still to be sent: one row read through the batch index, never a count. */
    boolean anyPending(String kind, long batchId) {
        return jdbc.sql("""
                        select id from outbox_bulk_message where kind = ? and batch_id = ? and status = 'pending'
                         fetch first 1 rows only""")
                .params(kind, batchId).query(Long.class).optional().isPresent();
    }

    /** Deletes up to {@code limit} copies of a mailing that are no longer pending; returns how many. */
    int deleteEnded(String kind, long batchId, int limit) {
        return jdbc.sql("""
                        delete from outbox_bulk_message where id in (
                            select id from outbox_bulk_message where kind = ? and batch_id = ? and status <> 'pending'
                             fetch first ? rows only)""")
                .params(kind, batchId, limit).update();
    }

    long pending() {
        return jdbc.sql("select count(*) from outbox_bulk_message where status = 'pending'").query(Long.class).single();
    }

    List<BulkOutbox.Delivery> deliveries(String kind, long recipientRef) {
        return jdbc.sql("""
                        select batch_id, status, created_at as queued_at, sent_at from outbox_bulk_message
                         where kind = ? and recipient_ref = ? order by created_at, id""")
                .params(kind, recipientRef)
                .query(BulkOutbox.Delivery.class)
                .list();
    }

    /** A pending copy loses its lease too, so a worker that claimed it cannot mark it sent. */
    int cancel(String kind, long recipientRef) {
        return jdbc.sql("""
                        update outbox_bulk_message set status = 'cancelled', lease_owner = null, lease_until = null
                         where kind = ? and recipient_ref = ? and status = 'pending'""")
                .params(kind, recipientRef)
                .update();
    }

    /**
     * Reserves the next {@code count} slots of the kind's shared rate and returns when the first begins. Runs in the
     * caller's (short) transaction: the row stays locked until it commits, so two nodes take turns.
     */
    OffsetDateTime reserve(String kind, int count, double perSecond, OffsetDateTime now) {
        // the row is made once, by whichever node comes first; "do nothing" keeps a PostgreSQL transaction usable
        jdbc.sql("insert into outbox_bulk_rate (kind, next_slot_at) values (?, ?) on conflict do nothing").params(kind, now).update();
        OffsetDateTime next = jdbc.sql("select next_slot_at from outbox_bulk_rate where kind = ? for update")
                .param(kind).query(OffsetDateTime.class).single();
        OffsetDateTime start = next.isAfter(now) ? next : now;
        long nanos = Math.round(count * 1_000_000_000d / perSecond);
        jdbc.sql("update outbox_bulk_rate set next_slot_at = ? where kind = ?").params(start.plusNanos(nanos), kind).update();
        return start;
    }
}
