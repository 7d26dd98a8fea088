package org.iskra.organizing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-up of join requests. The join feature writes {@code join_request} and its first events; organizing
 * reads them and writes what organizers do. StaffMemberal columns come out sealed: {@link FollowUp} opens them.
 */
@Repository
class FollowUpStore {

    /** A request as stored, personal columns still sealed. */
    record Row(long id, String publicId, long sectionId, String countryCode, String language, String sourcePath,
               String name, String email, String phone, String city, String message, OffsetDateTime consentAt,
               OffsetDateTime confirmedAt, String status, OffsetDateTime dueAt, OffsetDateTime createdAt,
               Long assigneeId, String assigneeName, String emailHash, OffsetDateTime erasedAt, OffsetDateTime purgeAt) {
    }

    /** A line of the dashboard, the name still sealed. */
    record ListRow(String publicId, long sectionId, String countryCode, String language, String name, String status,
                   boolean confirmed, OffsetDateTime dueAt, OffsetDateTime createdAt, String assigneeName,
                   OffsetDateTime purgeAt) {
    }

    /** An event of the timeline, its note still sealed. */
    record EventRow(String publicId, String kind, String actorName, String detail, String note, OffsetDateTime at) {
    }

    /** The dashboard's question. Null fields do not filter; assignee 0 means "nobody". */
    record ListQuery(List<Long> sectionIds, String status, Long assigneeId, String countryCode, Boolean confirmed,
                     OffsetDateTime now, int offset, int limit) {
    }

    /** A request past its deadline, as the deadline job sees it: no personal data. */
    record Due(long id, String publicId, long sectionId, Long assigneeId) {
    }

    /** A request retention erases now: no personal data but the sealed address, to erase its mail too. */
    record Expired(long id, String publicId, long sectionId, String email, String emailHash) {
    }

    /**
     * What {@link Retention#purgeAt} needs, for the request r: when it was closed (its last status change) and its
     * section's retention periods.
     */
    private static final String RETENTION_COLUMNS = """
            r.erased_at, s.closed_retention_days, s.unconfirmed_retention_days,
                   (select max(e.created_at) from join_event e where e.request_id = r.id and e.kind = 'status') as closed_at""";

    /** A request with what the back office shows of it, personal columns sealed; {@link #row} reads it. */
    private static final String ROW = """
            select r.id, r.public_id, r.section_id, r.country_code, r.language, r.source_path, r.name,
                   r.email, r.phone, r.city, r.message, r.consent_at, r.confirmed_at, r.status, r.due_at,
                   r.created_at, r.assignee_id, u.display_name as assignee_name, r.email_hash, %s
              from join_request r join section s on s.id = r.section_id
                   left join staff_user u on u.id = r.assignee_id
            """.formatted(RETENTION_COLUMNS);

    private final JdbcClient jdbc;

    FollowUpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String publicId) {
        return jdbc.sql(ROW + " where r.public_id = ?")
                .param(publicId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("public_id"), rs.getLong("section_id"),
                rs.getString("country_code"), rs.getString("language"), rs.getString("source_path"),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("city"),
                rs.getString("message"), time(rs, "consent_at"), time(rs, "confirmed_at"),
                rs.getString("status"), time(rs, "due_at"), time(rs, "created_at"),
                rs.getObject("assignee_id") == null ? null : rs.getLong("assignee_id"),
                rs.getString("assignee_name"), rs.getString("email_hash"), time(rs, "erased_at"), purgeAt(rs));
    }

    private static OffsetDateTime purgeAt(ResultSet rs) throws SQLException {
        return Retention.purgeAt(rs.getString("status"), rs.getObject("confirmed_at") != null, time(rs, "created_at"),
                time(rs, "closed_at"), time(rs, "erased_at"), rs.getInt("closed_retention_days"),
                rs.getInt("unconfirmed_retention_days"));
    }

    /** Overdue new requests first, then newest first; one row more than asked for tells of a next page. */
    List<ListRow> list(ListQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        params.put("now", query.now());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        String sql = """
                select r.public_id, r.section_id, r.country_code, r.language, r.name, r.status,
                       r.confirmed_at, r.due_at, r.created_at, u.display_name as assignee_name, %s
                  from join_request r join section s on s.id = r.section_id
                       left join staff_user u on u.id = r.assignee_id
                """.formatted(RETENTION_COLUMNS) + where + """
                order by case when r.status = 'new' and r.due_at < :now then 0 else 1 end, r.created_at desc, r.id desc
                limit :limit offset :offset""";
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new ListRow(rs.getString("public_id"), rs.getLong("section_id"),
                        rs.getString("country_code"), rs.getString("language"), rs.getString("name"),
                        rs.getString("status"), rs.getObject("confirmed_at") != null, time(rs, "due_at"),
                        time(rs, "created_at"), rs.getString("assignee_name"), purgeAt(rs)))
                .list();
    }

    /** Requests per status among those the query's sections hold, its other filters left aside. */
    Map<String, Long> countsByStatus(List<Long> sectionIds) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(new ListQuery(sectionIds, null, null, null, null, null, 0, 0), params);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select r.status, count(*) as n from join_request r\n" + where + "group by r.status")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private static String where(ListQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.sectionIds() != null) {
            conditions.add("r.section_id in (:sections)");
            params.put("sections", query.sectionIds());
        }
        if (query.status() != null) {
            conditions.add("r.status = :status");
            params.put("status", query.status());
        }
        if (query.assigneeId() != null) {
            if (query.assigneeId() == 0) {
                conditions.add("r.assignee_id is null");
            } else {
                conditions.add("r.assignee_id = :assignee");
                params.put("assignee", query.assigneeId());
            }
        }
        if (query.countryCode() != null) {
            conditions.add("r.country_code = :country");
            params.put("country", query.countryCode());
        }
        if (query.confirmed() != null) {
            conditions.add(query.confirmed() ? "r.confirmed_at is not null" : "r.confirmed_at is null");
        }
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + "\n";
    }

    /** Every request of a section, oldest first, personal columns sealed: for the export. */
    List<Row> ofSection(long sectionId) {
        return jdbc.sql(ROW + " where r.section_id = ? order by r.created_at, r.id")
                .param(sectionId)
                .query((rs, n) -> row(rs))
                .list();
    }

    List<EventRow> timeline(long requestId) {
        return jdbc.sql("""
                        select e.public_id, e.kind, u.display_name, e.detail, e.note, e.created_at
                          from join_event e left join staff_user u on u.id = e.actor_id
                         where e.request_id = ?
                         order by e.created_at, e.id""")
                .param(requestId)
                .query((rs, n) -> new EventRow(rs.getString("public_id"), rs.getString("kind"), rs.getString("display_name"),
                        rs.getString("detail"), rs.getString("note"), time(rs, "created_at")))
                .list();
    }

    void event(long requestId, String kind, Long actorId, String detail, OffsetDateTime at) {
        jdbc.sql("insert into join_event (request_id, kind, actor_id, detail, created_at) values (?, ?, ?, ?, ?)")
                .params(requestId, kind, actorId, detail, at)
                .update();
    }

    /** A note on the timeline: the event's public id is the one the note was sealed for. */
    void note(long requestId, Long actorId, String publicId, String sealedNote, OffsetDateTime at) {
        jdbc.sql("insert into join_event (request_id, kind, actor_id, public_id, note, created_at) values (?, 'note', ?, ?, ?, ?)")
                .params(requestId, actorId, publicId, sealedNote, at)
                .update();
    }

    /** Sets the status, only if it is still what the organizer saw; false when someone changed it meanwhile. */
    boolean changeStatus(long requestId, String from, String to) {
        return jdbc.sql("update join_request set status = ? where id = ? and status = ?")
                .params(to, requestId, from).update() == 1;
    }

    void assign(long requestId, Long userId) {
        jdbc.sql("update join_request set assignee_id = ? where id = ?").params(userId, requestId).update();
    }

    void transfer(long requestId, long sectionId, OffsetDateTime dueAt) {
        jdbc.sql("update join_request set section_id = ?, due_at = ?, assignee_id = null where id = ?")
                .params(sectionId, dueAt, requestId).update();
    }

    /** Enabled staff users organizing the section with this slug. */
    List<StaffMember> organizers(String sectionSlug) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name from staff_user u join staff_role r on r.user_id = u.id
                         where u.enabled and r.role = 'ORGANIZER' and r.scope = ?
                         order by u.display_name, u.id""")
                .param(sectionSlug)
                .query(StaffMember.class).list();
    }

    List<StaffMember> leads(long sectionId) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name from staff_user u join section_lead l on l.user_id = u.id
                         where u.enabled and l.section_id = ?
                         order by u.display_name, u.id""")
                .param(sectionId)
                .query(StaffMember.class).list();
    }

    Optional<StaffMember> person(long userId) {
        return jdbc.sql("select id, email, display_name from staff_user where id = ? and enabled")
                .param(userId).query(StaffMember.class).optional();
    }

    boolean leads(long sectionId, long userId) {
        return jdbc.sql("select count(*) from section_lead where section_id = ? and user_id = ?")
                .params(sectionId, userId).query(Long.class).single() > 0;
    }

    /** The section's reply in this language, as subject and body. */
    Optional<String[]> replyTemplate(long sectionId, String language) {
        return jdbc.sql("select subject, body from section_reply_template where section_id = ? and language = ?")
                .params(sectionId, language)
                .query((rs, n) -> new String[] {rs.getString("subject"), rs.getString("body")})
                .optional();
    }

    /** New requests past their deadline whose organizers have not been reminded yet. */
    List<Due> dueForReminder(OffsetDateTime now) {
        return jdbc.sql("""
                        select r.id, r.public_id, r.section_id, r.assignee_id from join_request r
                         where r.status = 'new' and r.due_at < ?
                           and not %s
                         order by r.due_at""".formatted(since("reminded")))
                .param(now)
                .query((rs, n) -> due(rs)).list();
    }

    /**
     * New requests still unanswered a second response period after their deadline, not escalated yet. The period is
     * the section's, so the comparison runs per section.
     */
    List<Due> dueForEscalation(OffsetDateTime now) {
        List<Due> due = new ArrayList<>();
        List<long[]> sections = jdbc.sql("select id, response_hours from section")
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("response_hours")}).list();
        for (long[] section : sections) {
            due.addAll(jdbc.sql("""
                            select r.id, r.public_id, r.section_id, r.assignee_id from join_request r
                             where r.status = 'new' and r.section_id = ? and r.due_at < ?
                               and %s
                               and not %s
                             order by r.due_at""".formatted(since("reminded"), since("escalated")))
                    .params(section[0], now.minusHours(section[1]))
                    .query((rs, n) -> due(rs)).list());
        }
        return due;
    }

    /**
     * "The request r has an event of this kind since its last transfer": a transferred request starts its new
     * section's deadline afresh, so reminders and escalations sent for the old one no longer count.
     */
    private static String since(String kind) {
        return """
                exists (select 1 from join_event e where e.request_id = r.id and e.kind = '%s'
                           and e.id > coalesce((select max(t.id) from join_event t
                                                 where t.request_id = r.id and t.kind = 'transferred'), 0))"""
                .formatted(kind);
    }

    private static Due due(ResultSet rs) throws SQLException {
        return new Due(rs.getLong("id"), rs.getString("public_id"), rs.getLong("section_id"),
                rs.getObject("assignee_id") == null ? null : rs.getLong("assignee_id"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    /** Every request stored under this email hash, oldest first, personal columns sealed. */
    List<Row> byEmailHash(String emailHash) {
        return jdbc.sql(ROW + " where r.email_hash = ? order by r.created_at, r.id")
                .param(emailHash)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Empties the request's personal columns and its notes; the rest of the request and its timeline stay. */
    void erase(long requestId, OffsetDateTime now) {
        jdbc.sql("""
                        update join_request
                           set name = null, email = null, phone = null, city = null, message = null, email_hash = null,
                               erased_at = ?
                         where id = ?""")
                .params(now, requestId)
                .update();
        jdbc.sql("update join_event set note = null where request_id = ?").param(requestId).update();
    }

    /** Whether a request not erased yet still has this email hash. */
    boolean heldUnder(String emailHash) {
        return emailHash != null && jdbc.sql("select count(*) from join_request where email_hash = ? and erased_at is null")
                .param(emailHash).query(Long.class).single() > 0;
    }

    /**
     * Requests retention erases at {@code now}, section by section (each has its periods): closed ones (not
     * interested, unreachable, spam) whose last status change is older than the section's period for closed
     * requests, and new ones never confirmed received before its period for unconfirmed requests. A request
     * someone works on (contacted, meeting arranged, joined) is never among them.
     */
    List<Expired> expired(OffsetDateTime now) {
        List<Expired> expired = new ArrayList<>();
        List<long[]> sections = jdbc.sql("select id, closed_retention_days, unconfirmed_retention_days from section order by id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        for (long[] section : sections) {
            expired.addAll(jdbc.sql("""
                            select r.id, r.public_id, r.section_id, r.email, r.email_hash from join_request r
                             where r.section_id = ? and r.erased_at is null
                               and r.status in ('not_interested', 'unreachable', 'spam')
                               and coalesce((select max(e.created_at) from join_event e
                                              where e.request_id = r.id and e.kind = 'status'), r.created_at) < ?
                             order by r.id""")
                    .params(section[0], now.minusDays(section[1]))
                    .query(Expired.class).list());
            expired.addAll(jdbc.sql("""
                            select r.id, r.public_id, r.section_id, r.email, r.email_hash from join_request r
                             where r.section_id = ? and r.erased_at is null and r.status = 'new'
                               and r.confirmed_at is null and r.created_at < ?
                             order by r.id""")
                    .params(section[0], now.minusDays(section[2]))
                    .query(Expired.class).list());
        }
        return expired;
    }
}
