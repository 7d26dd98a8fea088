package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Join requests as the join form stores them (sealed, routed, with their first event), written straight to the
 * database so that follow-up tests choose the section, the language and the deadline. Public for the tests of
 * other features that need a request to show (the staff layout's pages).
 */
public final class JoinRequestMother {

    public record Applicant(String publicId, String name, String email, String phone, String city, String message) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;

    public JoinRequestMother(JdbcClient jdbc, PersonalDataCipher cipher, KeyedHash hash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.hash = hash;
    }

    Applicant request(Section section, String country, String language, OffsetDateTime dueAt) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        return request(section, country, language, dueAt, "anush." + key + "@example.org");
    }

    /** A request with this email address, stored as it is whatever the join form would accept today. */
    Applicant request(Section section, String country, String language, OffsetDateTime dueAt, String email) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        Applicant a = new Applicant(UUID.randomUUID().toString(), "Ануш Тест " + key, email,
                "+374 10 " + key, "Гюмри " + key, "Хочу вступить " + key);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into join_request (public_id, form_token, section_id, country_code, language, source_path,
                               name, email, phone, city, message, email_hash, consent_at, confirmation_token_hash, due_at,
                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.publicId(), "token-" + key, section.id(), country, language, "/" + language + "/join",
                        cipher.seal(a.name(), ApplicantFields.NAME, a.publicId()),
                        cipher.seal(a.email(), ApplicantFields.EMAIL, a.publicId()),
                        cipher.seal(a.phone(), ApplicantFields.PHONE, a.publicId()),
                        cipher.seal(a.city(), ApplicantFields.CITY, a.publicId()),
                        cipher.seal(a.message(), ApplicantFields.MESSAGE, a.publicId()),
                        hash.of(ApplicantFields.EMAIL_HASH, a.email()),
                        now, "confirmation-" + key, dueAt, now)
                .update();
        jdbc.sql("insert into join_event (request_id, kind, detail, created_at) select id, 'received', ?, ? from join_request where public_id = ?")
                .params("section=" + section.slug(), now, a.publicId())
                .update();
        return a;
    }

    public Applicant request(Section section, String country, String language) {
        return request(section, country, language, OffsetDateTime.now(ZoneOffset.UTC).plusHours(section.responseHours()));
    }
}
