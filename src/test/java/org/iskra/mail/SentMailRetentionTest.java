package org.iskra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.OutboxIskraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The outbox keeps what it sent for {@code iskra.mail.retention} (30 days), then deletes it: transactional mail sent
 * or given up, and the copies of a mailing once the newsletter has kept the mailing's counts; never what is still
 * to be sent, nor the copies of a mailing not counted yet.
 */
@OutboxIskraTest
class SentMailRetentionTest {

    @Autowired
    SentMailRetention retention;

    @Autowired
    OutboxProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sentMailAndCountedCopiesGoAfterTheRetentionTheRestStays() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime old = now.minus(properties.retention()).minusDays(1);
        long oldSent = message("sent", old, old);
        long oldFailed = message("failed", old, null);
        long recentSent = message("sent", now.minusDays(1), now.minusDays(1));
        long oldPending = message("pending", old, null);
        long counted = send(old);
        long uncounted = send(null);
        List<Long> countedCopies = List.of(copy(counted, "sent", old), copy(counted, "refused", old), copy(counted, "cancelled", old));
        List<Long> uncountedCopies = List.of(copy(uncounted, "sent", old), copy(uncounted, "refused", old));

        assertThat(retention.run()).isGreaterThanOrEqualTo(2 + countedCopies.size());

        assertThat(messages(List.of(oldSent, oldFailed, recentSent, oldPending))).containsExactlyInAnyOrder(recentSent, oldPending);
        assertThat(copies(countedCopies)).as("copies of a mailing whose counts are kept").isEmpty();
        assertThat(copies(uncountedCopies)).as("copies of a mailing not counted yet").containsExactlyInAnyOrderElementsOf(uncountedCopies);
        assertThat(jdbc.sql("select sent from newsletter_send where id = ?").param(counted).query(Integer.class).single())
                .as("the mailing's own counts stay").isEqualTo(1);
    }

    private long message(String status, OffsetDateTime created, OffsetDateTime sent) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into outbox_message (public_id, kind, recipient, subject, body_text, language, status,
                                                    next_attempt_at, created_at, sent_at)
                        values (?, 'test.retention', 'sealed', 'sealed', 'sealed', 'en', ?, ?, ?, ?)""")
                // a pending message is due tomorrow: the application's own worker leaves it alone meanwhile
                .params(UUID.randomUUID().toString(), status, "pending".equals(status) ? OffsetDateTime.now(ZoneOffset.UTC).plusDays(1) : created,
                        created, sent)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A newsletter mailing, finished (its counts kept) at {@code finished}, or not finished when null. */
    private long send(OffsetDateTime finished) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into newsletter_send (kind, language, subject, recipients, created_at, finished_at, sent,
                                                     refused, failed, cancelled)
                        values ('digest', 'en', ?, 3, ?, ?, ?, ?, ?, ?)""")
                .params("Retention " + UUID.randomUUID(), finished == null ? OffsetDateTime.now(ZoneOffset.UTC) : finished,
                        finished, finished == null ? null : 1, finished == null ? null : 1, finished == null ? null : 0,
                        finished == null ? null : 1)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long copy(long batch, String status, OffsetDateTime created) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into outbox_bulk_message (kind, batch_id, recipient_ref, language, status, next_attempt_at,
                                                         created_at, sent_at)
                        values ('newsletter', ?, -1, 'en', ?, ?, ?, ?)""")
                .params(batch, status, created, created, "sent".equals(status) ? created : null).update(keys, "id");
        return keys.getKey().longValue();
    }

    private List<Long> messages(List<Long> ids) {
        return jdbc.sql("select id from outbox_message where id in (:ids)").param("ids", ids).query(Long.class).list();
    }

    private List<Long> copies(List<Long> ids) {
        return jdbc.sql("select id from outbox_bulk_message where id in (:ids)").param("ids", ids).query(Long.class).list();
    }
}
