package org.iskra.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit rows for what happens to staff accounts outside a change that has its own transaction: logins, failed
 * logins, ended sessions. Subjects are staff user ids; never an email address typed at the login.
 */
@Service
class StaffAudit {

    private final AuditLog audit;

    StaffAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    void record(HttpServletRequest request, Long actorId, String action, Long subjectId, String detail) {
        audit.record(actor(request, actorId), action, subjectId == null ? null : "staff_user",
                subjectId == null ? null : String.valueOf(subjectId), null, detail);
    }

    /** Within the caller's transaction. */
    void recordInTransaction(Actor actor, String action, long subjectId, String detail) {
        audit.record(actor, action, "staff_user", String.valueOf(subjectId), null, detail);
    }

    static Actor actor(HttpServletRequest request, Long staffUserId) {
        return new Actor(staffUserId, request.getRemoteAddr());
    }
}
