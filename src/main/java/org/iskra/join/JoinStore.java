package org.iskra.join;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JoinStore {

    /** A row as stored: personal columns still sealed. */
    record Sealed(String name, String email, String phone, String city, String message, String emailHash) {
    }

    private final JdbcClient jdbc;

    JoinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> publicIdOfFormToken(String formToken) {
        return jdbc.sql("select public_id from join_request where form_token = ?").param(formToken)
                .query(String.class).optional();
    }

    long insert(String publicId, String formToken, long sectionId, String countryCode, String language, String sourcePath,
                Sealed sealed, OffsetDateTime now, String confirmationTokenHash, OffsetDateTime dueAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into join_request (public_id, form_token, section_id, country_code, language, source_path,
                               name, email, phone, city, message, email_hash, consent_at, confirmation_token_hash, due_at,
                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(publicId, formToken, sectionId, countryCode, language, sourcePath, sealed.name(), sealed.email(),
                        sealed.phone(), sealed.city(), sealed.message(), sealed.emailHash(), now, confirmationTokenHash,
                        dueAt, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void event(long requestId, String kind, String detail, OffsetDateTime at) {
        jdbc.sql("insert into join_event (request_id, kind, detail, created_at) values (?, ?, ?, ?)")
                .params(requestId, kind, detail, at).update();
    }

    /** The request this confirmation token belongs to, if it was sent after {@code notBefore}. */
    Optional<Long> byConfirmation(String tokenHash, OffsetDateTime notBefore) {
        return jdbc.sql("select id from join_request where confirmation_token_hash = ? and created_at >= ?")
                .params(tokenHash, notBefore).query(Long.class).optional();
    }

    boolean confirm(long id, OffsetDateTime at) {
        return jdbc.sql("update join_request set confirmed_at = ? where id = ? and confirmed_at is null")
                .params(at, id).update() == 1;
    }
}
