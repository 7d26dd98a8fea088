package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SecondFactorStore {

    /** A user's TOTP secret, still sealed; {@code confirmedAt} null while the enrolment waits for its first code. */
    record Totp(String publicId, String sealedSecret, OffsetDateTime confirmedAt, long lastStep) {
    }

    private final JdbcClient jdbc;

    SecondFactorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Totp> totp(long userId) {
        return jdbc.sql("select public_id, secret as sealed_secret, confirmed_at, last_step from staff_totp where user_id = ?")
                .param(userId).query(Totp.class).optional();
    }

    /** Starts an enrolment with a new secret, replacing one never confirmed. */
    void saveUnconfirmed(long userId, String publicId, String sealedSecret, OffsetDateTime now) {
        jdbc.sql("delete from staff_totp where user_id = ? and confirmed_at is null").param(userId).update();
        jdbc.sql("insert into staff_totp (user_id, public_id, secret, created_at) values (?, ?, ?, ?)")
                .params(userId, publicId, sealedSecret, now).update();
    }

    /** Confirms the enrolment with the step of its first code; false when it was confirmed meanwhile. */
    boolean confirm(long userId, long step, OffsetDateTime now) {
        return jdbc.sql("update staff_totp set confirmed_at = ?, last_step = ? where user_id = ? and confirmed_at is null")
                .params(now, step, userId).update() == 1;
    }

    /**
     * Records that a code of this step was used, if no code of this step or a later one was: one statement, so the
     * same code sent to two nodes at once works on one of them only.
     */
    boolean useStep(long userId, long step) {
        return jdbc.sql("update staff_totp set last_step = ? where user_id = ? and confirmed_at is not null and last_step < ?")
                .params(step, userId, step).update() == 1;
    }

    void replaceRecoveryCodes(long userId, List<String> hashes) {
        jdbc.sql("delete from staff_recovery_code where user_id = ?").param(userId).update();
        for (String hash : hashes) {
            jdbc.sql("insert into staff_recovery_code (user_id, code_hash) values (?, ?)").params(userId, hash).update();
        }
    }

    /** Uses up a recovery code; false when it is unknown or used already. */
    boolean useRecoveryCode(long userId, String hash, OffsetDateTime now) {
        return jdbc.sql("update staff_recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
                .params(now, userId, hash).update() == 1;
    }

    int recoveryCodesLeft(long userId) {
        return jdbc.sql("select count(*) from staff_recovery_code where user_id = ? and used_at is null")
                .param(userId).query(Integer.class).single();
    }

    void delete(long userId) {
        jdbc.sql("delete from staff_recovery_code where user_id = ?").param(userId).update();
        jdbc.sql("delete from staff_totp where user_id = ?").param(userId).update();
    }

    List<Role> requiredRoles() {
        return jdbc.sql("select role from second_factor_role order by role").query(String.class).list().stream()
                .map(Role::valueOf).toList();
    }

    void replaceRequiredRoles(List<Role> roles) {
        jdbc.sql("delete from second_factor_role").update();
        for (Role role : roles) {
            jdbc.sql("insert into second_factor_role (role) values (?)").param(role.name()).update();
        }
    }
}
