package org.iskra.organizing;

import java.util.List;
import java.util.Optional;

import org.iskra.accounts.OrganizerScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sections with their countries, leads and reply templates: organizing owns these tables. */
@Repository
class SectionStore {

    private static final String COLUMNS = "s.id, s.slug, s.name, s.contact_email, s.response_hours, s.is_fallback as fallback";

    private final JdbcClient jdbc;

    SectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Section> covering(String countryCode) {
        return jdbc.sql("select " + COLUMNS + " from section s join section_country c on c.section_id = s.id where c.country_code = ?")
                .param(countryCode)
                .query(Section.class).optional();
    }

    Section fallback() {
        return jdbc.sql("select " + COLUMNS + " from section s where s.is_fallback order by s.id")
                .query(Section.class).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no fallback section: migration V9 inserts one; restore it"));
    }

    List<Section> all() {
        return jdbc.sql("select " + COLUMNS + " from section s order by s.is_fallback, s.name").query(Section.class).list();
    }

    Optional<Section> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from section s where s.id = ?").param(id).query(Section.class).optional();
    }

    List<String> countries(long sectionId) {
        return jdbc.sql("select country_code from section_country where section_id = ? order by country_code")
                .param(sectionId).query(String.class).list();
    }

    /** Every section as a choice for an organizer's role, by name. */
    List<OrganizerScopes.Scope> scopes() {
        return jdbc.sql("select slug, name from section order by name, slug").query(OrganizerScopes.Scope.class).list();
    }

    long count() {
        return jdbc.sql("select count(*) from section").query(Long.class).single();
    }

    long insert(String slug, String name, String contactEmail, int responseHours) {
        jdbc.sql("insert into section (slug, name, contact_email, response_hours, is_fallback) values (?, ?, ?, ?, false)")
                .params(slug, name, contactEmail, responseHours).update();
        return jdbc.sql("select id from section where slug = ?").param(slug).query(Long.class).single();
    }

    void cover(long sectionId, String countryCode) {
        jdbc.sql("insert into section_country (country_code, section_id) values (?, ?)").params(countryCode, sectionId).update();
    }

    void update(long id, String name, String contactEmail, int responseHours) {
        jdbc.sql("update section set name = ?, contact_email = ?, response_hours = ? where id = ?")
                .params(name, contactEmail, responseHours, id).update();
    }

    RetentionDays retention(long sectionId) {
        return jdbc.sql("select closed_retention_days, unconfirmed_retention_days from section where id = ?")
                .param(sectionId)
                .query((rs, n) -> new RetentionDays(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    void retain(long sectionId, RetentionDays days) {
        jdbc.sql("update section set closed_retention_days = ?, unconfirmed_retention_days = ? where id = ?")
                .params(days.closed(), days.unconfirmed(), sectionId).update();
    }

    void uncoverAll(long sectionId) {
        jdbc.sql("delete from section_country where section_id = ?").param(sectionId).update();
    }

    /** The other section covering this country, if any. */
    Optional<Section> coveringOtherThan(String countryCode, long sectionId) {
        return covering(countryCode).filter(s -> s.id() != sectionId);
    }

    Optional<Section> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from section s where s.slug = ?").param(slug).query(Section.class).optional();
    }

    long requests(long sectionId) {
        return jdbc.sql("select count(*) from join_request where section_id = ?").param(sectionId).query(Long.class).single();
    }

    void delete(long sectionId) {
        jdbc.sql("delete from section_reply_template where section_id = ?").param(sectionId).update();
        jdbc.sql("delete from section_lead where section_id = ?").param(sectionId).update();
        jdbc.sql("delete from section_country where section_id = ?").param(sectionId).update();
        jdbc.sql("delete from section where id = ? and not is_fallback").param(sectionId).update();
    }

    List<Long> leadIds(long sectionId) {
        return jdbc.sql("select user_id from section_lead where section_id = ?").param(sectionId).query(Long.class).list();
    }

    void setLead(long sectionId, long userId, boolean lead) {
        jdbc.sql("delete from section_lead where section_id = ? and user_id = ?").params(sectionId, userId).update();
        if (lead) {
            jdbc.sql("insert into section_lead (section_id, user_id) values (?, ?)").params(sectionId, userId).update();
        }
    }

    boolean leads(long sectionId, long userId) {
        return jdbc.sql("select count(*) from section_lead where section_id = ? and user_id = ?")
                .params(sectionId, userId).query(Long.class).single() > 0;
    }

    /** The section's reply in this language. */
    Optional<ReplyTemplate> reply(long sectionId, String language) {
        return jdbc.sql("select language, subject, body from section_reply_template where section_id = ? and language = ?")
                .params(sectionId, language).query(ReplyTemplate.class).optional();
    }

    List<ReplyTemplate> replies(long sectionId) {
        return jdbc.sql("select language, subject, body from section_reply_template where section_id = ? order by language")
                .param(sectionId).query(ReplyTemplate.class).list();
    }

    void saveReply(long sectionId, ReplyTemplate reply) {
        jdbc.sql("delete from section_reply_template where section_id = ? and language = ?")
                .params(sectionId, reply.language()).update();
        if (!reply.body().isBlank()) {
            jdbc.sql("insert into section_reply_template (section_id, language, subject, body) values (?, ?, ?, ?)")
                    .params(sectionId, reply.language(), reply.subject(), reply.body()).update();
        }
    }
}
