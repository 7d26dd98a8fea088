package org.iskra.organizing;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
}
