package org.iskra.accounts;

import java.time.OffsetDateTime;

/**
 * A staff account as administrators see it: the user, whether they have yet to accept their invitation (no password
 * chosen), and when the password last changed (null while the invitation is pending).
 */
public record StaffMember(StaffUser user, boolean invitationPending, OffsetDateTime passwordChangedAt) {
}
