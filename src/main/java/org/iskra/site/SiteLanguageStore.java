package org.iskra.site;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The languages added to the site at run time (by an import), beyond those {@code ISKRA_LANGUAGES} names. */
@Repository
class SiteLanguageStore {

    private final JdbcClient jdbc;

    SiteLanguageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> codes() {
        return jdbc.sql("select code from site_language order by added_at, code").query(String.class).list();
    }

    /** @return whether the code was new */
    boolean add(String code, String addedBy) {
        if (jdbc.sql("select count(*) from site_language where code = ?").param(code).query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("insert into site_language (code, added_by) values (?, ?)").params(code, addedBy).update();
        return true;
    }

    /** @return whether there was such a code */
    boolean remove(String code) {
        return jdbc.sql("delete from site_language where code = ?").param(code).update() > 0;
    }
}
