package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed logins and trusted browsers, in the database so every node counts the same. */
@Repository
class ThrottleStore {

    /** An account's recent failures from anywhere, and the last of them. */
    record AccountFailures(int count, OffsetDateTime last) {
    }

    private final JdbcClient jdbc;

    ThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void failed(String accountKey, String address, String step, OffsetDateTime at) {
        jdbc.sql("insert into login_failure (account_key, address, step, failed_at) values (?, ?, ?, ?)")
                .params(accountKey, address, step, at).update();
    }

    /** Wrong passwords from this address, whatever the account. */
    int byAddress(String address, OffsetDateTime since) {
        return jdbc.sql("select count(*) from login_failure where address = ? and step = 'password' and failed_at > ?")
                .params(address, since).query(Integer.class).single();
    }

    int byAccountAndAddress(String accountKey, String address, OffsetDateTime since) {
        return jdbc.sql("select count(*) from login_failure where account_key = ? and address = ? and failed_at > ?")
                .params(accountKey, address, since).query(Integer.class).single();
    }

    AccountFailures byAccount(String accountKey, OffsetDateTime since) {
        return jdbc.sql("select count(*) as count, max(failed_at) as last from login_failure where account_key = ? and failed_at > ?")
                .params(accountKey, since).query(AccountFailures.class).single();
    }

    int forget(OffsetDateTime before) {
        return jdbc.sql("delete from login_failure where failed_at < ?").param(before).update();
    }

    void trust(String tokenHash, long userId, OffsetDateTime now) {
        jdbc.sql("insert into staff_device (token_hash, user_id, created_at) values (?, ?, ?)")
                .params(tokenHash, userId, now).update();
    }

    Optional<Long> deviceOwner(String tokenHash, OffsetDateTime notBefore) {
        return jdbc.sql("select user_id from staff_device where token_hash = ? and created_at > ?")
                .params(tokenHash, notBefore).query(Long.class).optional();
    }

    int forgetDevices(OffsetDateTime before) {
        return jdbc.sql("delete from staff_device where created_at < ?").param(before).update();
    }
}
