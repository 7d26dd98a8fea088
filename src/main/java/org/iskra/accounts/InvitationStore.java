package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationStore {

    /** An invitation found by its token hash, with the account it opens. */
    record Found(long userId, String email, String displayName, boolean enabled, OffsetDateTime expiresAt,
                 OffsetDateTime usedAt) {
    }

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a user's invitation, replacing any earlier one: the older link stops working at once. */
    void replace(long userId, String tokenHash, OffsetDateTime expiresAt, OffsetDateTime now) {
        jdbc.sql("delete from staff_invitation where user_id = ?").param(userId).update();
        jdbc.sql("insert into staff_invitation (user_id, token_hash, expires_at, created_at) values (?, ?, ?, ?)")
                .params(userId, tokenHash, expiresAt, now)
                .update();
    }

    Optional<Found> find(String tokenHash) {
        return jdbc.sql("""
                        select u.id as user_id, u.email, u.display_name, u.enabled, i.expires_at, i.used_at
                          from staff_invitation i join staff_user u on u.id = i.user_id
                         where i.token_hash = ?""")
                .param(tokenHash)
                .query(Found.class).optional();
    }

    /**
     * Marks the invitation used if it still may be; false when it is used, expired or gone. One statement, so two
     * submissions of the same link cannot both succeed.
     */
    boolean use(String tokenHash, OffsetDateTime now) {
        return jdbc.sql("""
                        update staff_invitation set used_at = ?
                         where token_hash = ? and used_at is null and expires_at > ?""")
                .params(now, tokenHash, now)
                .update() == 1;
    }
}
