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
 * The join requests as the back office reads and changes them. The join feature writes new ones through
 * {@link IncomingRequests}; organizing owns the table. Personal columns come out sealed: the use cases open them.
 * Staff users are named by id only: their names come from the accounts feature.
 */
@Repository
class JoinRequestStore {

    /** A request as stored, personal columns still sealed. */
    record Row(long id, String publicId, long sectionId, String countryCode, String language, String sourcePath,
               String name, String email, String phone, String city, String message, OffsetDateTime consentAt,
               OffsetDateTime confirmedAt, RequestStatus status, OffsetDateTime dueAt, OffsetDateTime createdAt,
               Long assigneeId, String emailHash, OffsetDateTime erasedAt, OffsetDateTime purgeAt) {
    }

    /** A line of the dashboard, the name still sealed. */
    record ListRow(String publicId, long sectionId, String countryCode, String language, String name,
                   RequestStatus status, boolean confirmed, OffsetDateTime dueAt, OffsetDateTime createdAt,
                   Long assigneeId, OffsetDateTime purgeAt) {
    }

    /** The dashboard's question. Null fields do not filter; assignee 0 means "nobody". */
    record ListQuery(List<Long> sectionIds, RequestStatus status, Long assigneeId, String countryCode,
                     Boolean confirmed, OffsetDateTime now, int offset, int limit) {
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
                   r.created_at, r.assignee_id, r.email_hash, %s
              from join_request r join section s on s.id = r.section_id
            """.formatted(RETENTION_COLUMNS);

    private final JdbcClient jdbc;

    JoinRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String publicId) {
        return jdbc.sql(ROW + " where r.public_id = ?")
                .param(publicId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Every request of a section, oldest first, personal columns sealed: for the export. */
    List<Row> ofSection(long sectionId) {
        return jdbc.sql(ROW + " where r.section_id = ? order by r.created_at, r.id")
                .param(sectionId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Every request stored under this email hash, oldest first, personal columns sealed. */
    List<Row> byEmailHash(String emailHash) {
        return jdbc.sql(ROW + " where r.email_hash = ? order by r.created_at, r.id")
                .param(emailHash)
                .query((rs, n) -> row(rs))
                .list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("public_id"), rs.getLong("section_id"),
                rs.getString("country_code"), rs.getString("language"), rs.getString("source_path"),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("city"),
                rs.getString("message"), time(rs, "consent_at"), time(rs, "confirmed_at"),
                RequestStatus.stored(rs.getString("status")), time(rs, "due_at"), time(rs, "created_at"),
                assignee(rs), rs.getString("email_hash"), time(rs, "erased_at"), purgeAt(rs));
    }

    private static Long assignee(ResultSet rs) throws SQLException {
        return rs.getObject("assignee_id") == null ? null : rs.getLong("assignee_id");
    }

    private static OffsetDateTime purgeAt(ResultSet rs) throws SQLException {
        return Retention.purgeAt(RequestStatus.stored(rs.getString("status")), rs.getObject("confirmed_at") != null,
                time(rs, "created_at"), time(rs, "closed_at"), time(rs, "erased_at"), rs.getInt("closed_retention_days"),
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
                       r.confirmed_at, r.due_at, r.created_at, r.assignee_id, %s
                  from join_request r join section s on s.id = r.section_id
                """.formatted(RETENTION_COLUMNS) + where + """
                order by case when r.status = 'new' and r.due_at < :now then 0 else 1 end, r.created_at desc, r.id desc
                limit :limit offset :offset""";
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new ListRow(rs.getString("public_id"), rs.getLong("section_id"),
                        rs.getString("country_code"), rs.getString("language"), rs.getString("name"),
                        RequestStatus.stored(rs.getString("status")), rs.getObject("confirmed_at") != null,
                        time(rs, "due_at"), time(rs, "created_at"), assignee(rs), purgeAt(rs)))
                .list();
    }

    /** Requests per status among those the sections hold (null: every section), the other filters left aside. */
    Map<RequestStatus, Long> countsByStatus(List<Long> sectionIds) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(new ListQuery(sectionIds, null, null, null, null, null, 0, 0), params);
        Map<RequestStatus, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select r.status, count(*) as n from join_request r\n" + where + "group by r.status")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(RequestStatus.stored(rs.getString("status")), rs.getLong("n"));
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
            params.put("status", query.status().code());
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

    /** Sets the status, only if it is still what the organizer saw; false when someone changed it meanwhile. */
    boolean changeStatus(long requestId, RequestStatus from, RequestStatus to) {
        return jdbc.sql("update join_request set status = ? where id = ? and status = ?")
                .params(to.code(), requestId, from.code()).update() == 1;
    }

    void assign(long requestId, Long userId) {
        jdbc.sql("update join_request set assignee_id = ? where id = ?").params(userId, requestId).update();
    }

    void transfer(long requestId, long sectionId, OffsetDateTime dueAt) {
        jdbc.sql("update join_request set section_id = ?, due_at = ?, assignee_id = null where id = ?")
                .params(sectionId, dueAt, requestId).update();
    }

    /** Empties the request's personal columns; the rest of the request stays. Its notes go with the timeline's. */
    void erase(long requestId, OffsetDateTime now) {
        jdbc.sql("""
                        update join_request
                           set name = null, email = null, phone = null, city = null, message = null, email_hash = null,
                               erased_at = ?
                         where id = ?""")
                .params(now, requestId)
                .update();
    }

    /** Whether a request not erased yet still has this email hash. */
    boolean heldUnder(String emailHash) {
        return emailHash != null && jdbc.sql("select count(*) from join_request where email_hash = ? and erased_at is null")
                .param(emailHash).query(Long.class).single() > 0;
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
