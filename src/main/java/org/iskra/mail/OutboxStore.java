package org.iskra.mail;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} table. A worker claims due messages by writing its lease on them in one UPDATE whose
 * condition is re-checked on the row it locks: two nodes racing for a message cannot both win, on PostgreSQL or on
 * H2. Every later write by the worker names its lease, so a worker whose lease ran out changes nothing.
 */
@Repository
class OutboxStore {

    /** A claimed message, still sealed. */
    record Claimed(long id, String publicId, String kind, String recipient, String subject, String bodyText, String language,
                   int attempts) {
    }

    /** A message to queue, already sealed. */
    record NewMessage(String publicId, String kind, String recipient, String recipientHash, String subject, String bodyText,
                      String language) {
    }

    private static final int ROWS_PER_INSERT = 500;

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to one address, still sealed, as the export of a data subject shows it. */
    record Held(long id, String publicId, String kind, String recipient, String subject, String bodyText, String language,
                String status, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    long insert(NewMessage message, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into outbox_message (public_id, kind, recipient, recipient_hash, subject, body_text, language,
                               next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(message.publicId(), message.kind(), message.recipient(), message.recipientHash(), message.subject(),
                        message.bodyText(), message.language(), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Queues the messages with one multi-row INSERT per {@value #ROWS_PER_INSERT} messages: a few round trips for
     * a whole group of join requests, and well under PostgreSQL's limit of 32 767 parameters per statement.
     */
    void insertAll(List<NewMessage> messages, OffsetDateTime now) {
        for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
            insertRows(messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT)), now);
        }
    }

    private void insertRows(List<NewMessage> messages, OffsetDateTime now) {
        List<Object> params = new ArrayList<>(messages.size() * 9);
        for (NewMessage message : messages) {
            Collections.addAll(params, message.publicId(), message.kind(), message.recipient(), message.recipientHash(),
                    message.subject(), message.bodyText(), message.language(), now, now);
        }
        jdbc.sql("insert into outbox_message (public_id, kind, recipient, recipient_hash, subject, body_text, language,"
                        + " next_attempt_at, created_at)"
                        + " values " + String.join(", ", Collections.nCopies(messages.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")))
                .params(params)
                .update();
    }

    /**
     * Puts a lease on up to {@code limit} due messages no other worker holds, oldest due first ({@link Leases}),
     * and returns them.
     */
    List<Claimed> claim(String owner, OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Long> candidates = Leases.take(jdbc, Leases.Queue.of("outbox_message"), owner, now, leaseUntil, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, public_id, kind, recipient, subject, body_text, language, attempts
                          from outbox_message where id in (:ids) and lease_owner = :owner and status = 'pending'
                         order by next_attempt_at, id""")
                .param("ids", candidates).param("owner", owner)
                .query(Claimed.class)
                .list();
    }

    /** Extends this worker's lease just before it sends; false if the lease is no longer its own. */
    boolean renew(long id, String owner, OffsetDateTime leaseUntil) {
        return jdbc.sql("update outbox_message set lease_until = ? where id = ? and lease_owner = ? and status = 'pending'")
                .params(leaseUntil, id, owner)
                .update() == 1;
    }

    void markSent(long id, String owner, OffsetDateTime now) {
        jdbc.sql("""
                        update outbox_message
                           set status = 'sent', sent_at = ?, attempts = attempts + 1, lease_owner = null, lease_until = null
                         where id = ? and lease_owner = ?""")
                .params(now, id, owner)
                .update();
    }

    void retryLater(long id, String owner, OffsetDateTime nextAttempt, String error) {
        jdbc.sql("""
                        update outbox_message
                           set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease_owner = null, lease_until = null
                         where id = ? and lease_owner = ?""")
                .params(nextAttempt, error, id, owner)
                .update();
    }

    void markFailed(long id, String owner, String error) {
        jdbc.sql("""
                        update outbox_message
                           set status = 'failed', attempts = attempts + 1, last_error = ?, lease_owner = null, lease_until = null
                         where id = ? and lease_owner = ?""")
                .params(error, id, owner)
                .update();
    }

    /** Gives back what this worker claimed but did not try, so the next poll (here or on another node) takes it. */
    void release(String owner, List<Long> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbox_message set lease_owner = null, lease_until = null
                         where id in (:ids) and lease_owner = :owner and status = 'pending'""")
                .param("ids", claimed).param("owner", owner)
                .update();
    }

    /** Deletes up to {@code limit} messages sent or given up before {@code before}; returns how many. */
    int deleteEndedBefore(OffsetDateTime before, int limit) {
        return jdbc.sql("""
                        delete from outbox_message where id in (
                            select id from outbox_message where status <> 'pending' and coalesce(sent_at, created_at) < ?
                             fetch first ? rows only)""")
                .params(before, limit).update();
    }

    long count(MailStatus status) {
        return jdbc.sql("select count(*) from outbox_message where status = ?").param(status.code()).query(Long.class).single();
    }

    List<Held> to(String recipientHash) {
        return jdbc.sql("""
                        select id, public_id, kind, recipient, subject, body_text, language, status, created_at, sent_at
                          from outbox_message where recipient_hash = ? order by created_at, id""")
                .param(recipientHash)
                .query(Held.class)
                .list();
    }

    /** A pending message is cancelled and loses its lease, so a worker that claimed it cannot mark it sent. */
    int erase(String recipientHash) {
        return jdbc.sql("""
                        update outbox_message
                           set recipient = null, subject = null, body_text = null, recipient_hash = null,
                               status = case when status = 'pending' then 'cancelled' else status end,
                               lease_owner = null, lease_until = null
                         where recipient_hash = ?""")
                .param(recipientHash)
                .update();
    }

    /** The same for the kinds that start with the prefix only. */
    int erase(String recipientHash, String kindPrefix) {
        return jdbc.sql("""
                        update outbox_message
                           set recipient = null, subject = null, body_text = null, recipient_hash = null,
                               status = case when status = 'pending' then 'cancelled' else status end,
                               lease_owner = null, lease_until = null
                         where recipient_hash = ? and left(kind, ?) = ?""")
                .params(recipientHash, kindPrefix.length(), kindPrefix)
                .update();
    }
}
