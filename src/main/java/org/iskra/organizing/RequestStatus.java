package org.iskra.organizing;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the follow-up of a join request stands. The code is what the database, the address of a filter and the
 * message keys hold; it never changes once stored, so a status can be renamed here without touching a row.
 */
public enum RequestStatus {
    NEW("new"), CONTACTED("contacted"), MEETING_ARRANGED("meeting_arranged"), JOINED("joined"),
    NOT_INTERESTED("not_interested"), UNREACHABLE("unreachable"), SPAM("spam");

    /** Closed: nobody works on the request any more, so retention erases it after the section's period. */
    static final Set<RequestStatus> CLOSED = EnumSet.of(NOT_INTERESTED, UNREACHABLE, SPAM);

    private final String code;

    RequestStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "organizing.status." + code;
    }

    public boolean closed() {
        return CLOSED.contains(this);
    }

    /** The status with this code; empty for null or anything else. */
    static Optional<RequestStatus> of(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }

    /** A stored code: one the database holds is always known, else the data is not Iskra's. */
    static RequestStatus stored(String code) {
        return of(code).orElseThrow(() -> new IllegalStateException("unknown join request status in the database"));
    }
}
