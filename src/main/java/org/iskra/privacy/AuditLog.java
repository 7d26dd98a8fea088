package org.iskra.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of who read, changed or exported personal data. Rows are only ever added: nothing in Iskra updates or
 * deletes them.
 */
@Service
public class AuditLog {

    private final AuditStore store;

    AuditLog(AuditStore store) {
        this.store = store;
    }

    /**
     * Records one event. MANDATORY: the audit row belongs to the read or change it describes, so both commit or
     * neither does; a change that commits without its row, or a row for a change that rolled back, would make the
     * log lie.
     *
     * @param subjectId a public id (never a name, an address or anything else that identifies a person)
     * @param detail    what happened beyond the action, without personal data: a status, a section, a count
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subjectType, String subjectId, String section, String detail) {
        store.insert(actor, action, subjectType, subjectId, section, clip(detail), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
