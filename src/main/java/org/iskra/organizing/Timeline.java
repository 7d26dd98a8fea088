package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.iskra.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of a join request: what happened to it, by whom, with organizers' notes sealed. */
@Repository
class Timeline {

    /** An event of the timeline, its note still sealed; the actor is a staff user's id, null for Iskra itself. */
    record EventRow(String publicId, String kind, Long actorId, String detail, String note, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Timeline(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
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

    /**
     * An organizer's note on the timeline, sealed: it may name the applicant. The event gets a public id of its own
     * first, since the sealed note is bound to it (moved to another event, it no longer opens).
     */
    void note(long requestId, Long actorId, String note, OffsetDateTime at) {
        String publicId = UUID.randomUUID().toString();
        jdbc.sql("insert into join_event (request_id, kind, actor_id, public_id, note, created_at) values (?, 'note', ?, ?, ?, ?)")
                .params(requestId, actorId, publicId, cipher.seal(note, ApplicantFields.NOTE, publicId), at)
                .update();
    }

    /** Empties the notes of a request being erased: an organizer's note may name the applicant. */
    void eraseNotes(long requestId) {
        jdbc.sql("update join_event set note = null where request_id = ?").param(requestId).update();
    }
}
