package org.iskra.organizing;

import org.iskra.privacy.SealedField;

/**
 * The sealed columns of a join request and of its timeline, in one place: the join form seals them, follow-up,
 * export, erasure and retention open them, and key rotation finds them. The legacy purposes are what values sealed
 * before they were bound to their row were sealed for (see V10 and V14).
 */
public final class ApplicantFields {

    public static final SealedField NAME = new SealedField("join_request", "name", "join_request.name");
    public static final SealedField EMAIL = new SealedField("join_request", "email", "join_request.email");
    public static final SealedField PHONE = new SealedField("join_request", "phone", "join_request.phone");
    public static final SealedField CITY = new SealedField("join_request", "city", "join_request.city");
    public static final SealedField MESSAGE = new SealedField("join_request", "message", "join_request.message");
    /** An organizer's note, bound to the public id of its event (join_event.public_id). */
    public static final SealedField NOTE = new SealedField("join_event", "note", "join_event.note");

    /** The purpose of the keyed hash of an applicant's address (join_request.email_hash), which never changes. */
    public static final String EMAIL_HASH = "join_request.email";

    private ApplicantFields() {
    }
}
