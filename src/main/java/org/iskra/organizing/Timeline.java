package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of a join request: what happened to it, by whom, with organizers' notes sealed. */
@Repository
class Timeline {

    /** An event of the timeline, its note still sealed; the actor is a staff user's id, null for Iskra itself. */
    record EventRow(String publicId, String kind, Long actorId, String detail, String note, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EventRow> of(long requestId) {
        return jdbc.sql("""
                        select e.public_id, e.kind, e.actor_id, e.detail, e.note, e.created_at
                          from join_event e
                         where e.request_id = ?
                         order by e.created_at, e.id""")
                .param(requestId)
                .query((rs, n) -> new EventRow(rs.getString("public_id"), rs.getString("kind"),
                        rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"), rs.getString("detail"),
                        rs.getString("note"), JoinRequestStore.time(rs, "created_at")))
                .list();
    }

    void record(long requestId, TimelineEvent kind, Long actorId, String detail, OffsetDateTime at) {
        jdbc.sql("insert into join_event (request_id, kind, actor_id, detail, created_at) values (?, ?, ?, ?, ?)")
                .params(requestId, kind.code(), actorId, detail, at)
                .update();
    }

    /** A note on the timeline: the event's public id is the one the note was sealed for. */
    void note(long requestId, Long actorId, String publicId, String sealedNote, OffsetDateTime at) {
        jdbc.sql("insert into join_event (request_id, kind, actor_id, public_id, note, created_at) values (?, 'note', ?, ?, ?, ?)")
                .params(requestId, actorId, publicId, sealedNote, at)
                .update();
    }

    /** Empties the notes of a request being erased: an organizer's note may name the applicant. */
    void eraseNotes(long requestId) {
        jdbc.sql("update join_event set note = null where request_id = ?").param(requestId).update();
    }
}
