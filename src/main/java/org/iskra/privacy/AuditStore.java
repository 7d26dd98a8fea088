package org.iskra.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditStore {

    /** What the audit page asks for; null fields do not filter. {@code before} is exclusive. */
    record Query(String actorEmail, String action, String subject, OffsetDateTime from, OffsetDateTime before,
                 int offset, int limit) {
    }

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Actor actor, String action, String subjectType, String subjectId, String section, String detail,
                OffsetDateTime at) {
        jdbc.sql("""
                        insert into audit_event (actor_id, action, subject_type, subject_id, section_slug, client_address,
                               detail, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.staffUserId(), action, subjectType, subjectId, section, actor.clientAddress(), detail, at)
                .update();
    }

    /** Newest first; one row more than asked for tells the page there is a next one. */
    List<AuditEntry> find(Query query) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (query.actorEmail() != null) {
            conditions.add("u.email = :actor");
            params.put("actor", query.actorEmail());
        }
        if (query.action() != null) {
            conditions.add("a.action = :action");
            params.put("action", query.action());
        }
        if (query.subject() != null) {
            conditions.add("a.subject_id = :subject");
            params.put("subject", query.subject());
        }
        if (query.from() != null) {
            conditions.add("a.created_at >= :from");
            params.put("from", query.from());
        }
        if (query.before() != null) {
            conditions.add("a.created_at < :before");
            params.put("before", query.before());
        }
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + "\n";
        String sql = """
                select a.id, a.created_at, u.email, u.display_name, a.action, a.subject_type, a.subject_id,
                       a.section_slug, a.client_address, a.detail
                  from audit_event a left join staff_user u on u.id = a.actor_id
                """ + where + "order by a.created_at desc, a.id desc limit :limit offset :offset";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("email"), rs.getString("display_name"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("section_slug"),
                        rs.getString("client_address"), rs.getString("detail")))
                .list();
    }

    List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }
}
