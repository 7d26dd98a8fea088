package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Join requests as the join form stores them (sealed, routed, with their first event), written straight to the
 * database so that follow-up tests choose the section, the language and the deadline.
 */
final class JoinRequestMother {

    record Applicant(String publicId, String name, String email, String phone, String city, String message) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;

    JoinRequestMother(JdbcClient jdbc, PersonalDataCipher cipher, KeyedHash hash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.hash = hash;
    }

    Applicant request(Section section, String country, String language, OffsetDateTime dueAt) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        Applicant a = new Applicant(UUID.randomUUID().toString(), "Ануш Тест " + key, "anush." + key + "@example.org",
                "+374 10 " + key, "Гюмри " + key, "Хочу вступить " + key);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into join_request (public_id, form_token, section_id, country_code, language, source_path,
                               name, email, phone, city, message, email_hash, consent_at, confirmation_token_hash, due_at,
                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.publicId(), "token-" + key, section.id(), country, language, "/" + language + "/join",
                        cipher.seal(a.name(), "join_request.name"), cipher.seal(a.email(), "join_request.email"),
                        cipher.seal(a.phone(), "join_request.phone"), cipher.seal(a.city(), "join_request.city"),
                        cipher.seal(a.message(), "join_request.message"), hash.of("join_request.email", a.email()),
                        now, "confirmation-" + key, dueAt, now)
                .update();
        jdbc.sql("insert into join_event (request_id, kind, detail, created_at) select id, 'received', ?, ? from join_request where public_id = ?")
                .params("section=" + section.slug(), now, a.publicId())
                .update();
        return a;
    }

    Applicant request(Section section, String country, String language) {
        return request(section, country, language, OffsetDateTime.now(ZoneOffset.UTC).plusHours(section.responseHours()));
    }
}
