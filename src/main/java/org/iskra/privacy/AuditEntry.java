package org.iskra.privacy;

import java.time.OffsetDateTime;

/** One row of the audit log as the audit page shows it; actor fields are null for Iskra's own jobs. */
public record AuditEntry(long id, OffsetDateTime at, String actorEmail, String actorName, String action,
                         String subjectType, String subjectId, String section, String clientAddress, String detail) {
}
