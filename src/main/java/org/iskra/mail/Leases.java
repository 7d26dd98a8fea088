package org.iskra.mail;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a worker takes due messages of an outbox table ({@code outbox_message}, {@code outbox_bulk_message}) for
 * itself: the candidates are read through the (status, next_attempt_at) index, oldest due first, then leased by id
 * with the condition checked again on each row, so two workers never hold the same message. During a mail outage the
 * backlog grows by thousands of messages, and a claim that looked at every pending row (as an UPDATE with an IN
 * subquery does on H2) would cost more with every one. The order names the constant {@code status} first: only then
 * does H2 read the rows in the index's order and stop after {@code limit}, instead of sorting every pending message.
 */
final class Leases {

    /** Which table, and a further condition on its rows (with its one named parameter), or none. */
    record Queue(String table, String condition, String parameter, Object value) {

        static Queue of(String table) {
            return new Queue(table, "", null, null);
        }
    }

    private Leases() {
    }

    /** The ids now leased to {@code owner}; empty when there was nothing due or others took it first. */
    static List<Long> take(JdbcClient jdbc, Queue queue, String owner, OffsetDateTime now, OffsetDateTime leaseUntil,
                           int limit) {
        JdbcClient.StatementSpec select = jdbc.sql("select id from " + queue.table()
                        + " where status = 'pending' and next_attempt_at <= :now"
                        + " and (lease_until is null or lease_until < :now)" + queue.condition()
                        + " order by status, next_attempt_at, id fetch first :limit rows only")
                .param("now", now).param("limit", limit);
        if (queue.parameter() != null) {
            select = select.param(queue.parameter(), queue.value());
        }
        List<Long> candidates = select.query(Long.class).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        int leased = jdbc.sql("update " + queue.table() + " set lease_owner = :owner, lease_until = :until"
                        + " where id in (:ids) and status = 'pending' and (lease_until is null or lease_until < :now)")
                .param("owner", owner).param("until", leaseUntil).param("now", now).param("ids", candidates)
                .update();
        return leased == 0 ? List.of() : candidates;
    }
}
