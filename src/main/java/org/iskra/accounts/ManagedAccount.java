package org.iskra.accounts;

import java.time.OffsetDateTime;

import org.iskra.site.Messages;

/**
 * A staff account as administrators see it: the user, whether they have yet to accept their invitation (no password
 * chosen), and when the password last changed (null while the invitation is pending).
 */
public record ManagedAccount(StaffUser user, boolean invitationPending, OffsetDateTime passwordChangedAt) {

    /** When the password last changed, as the pages show it, or that the invitation is still pending. */
    String passwordChanged(Messages t) {
        return invitationPending || passwordChangedAt == null ? t.get("accounts.users.pending") : t.date(passwordChangedAt);
    }
}
