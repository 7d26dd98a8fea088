package org.iskra.organizing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deadline job's questions: which new requests are past their deadline and who has heard of them. */
@Repository
class OverdueRequests {

    /** A request past its deadline, as the deadline job sees it: no personal data. */
    record Due(long id, String publicId, long sectionId, Long assigneeId) {
    }

    private final JdbcClient jdbc;

    OverdueRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
