package org.iskra.privacy;

import org.iskra.site.ActingStaff;

/** Who acts on personal data: a staff user (null for Iskra's own jobs) and the address the request came from. */
public record Actor(Long staffUserId, String clientAddress) {

    public static final Actor ISKRA = new Actor(null, null);

    public Actor {
        // an address longer than the column is not an address: keep what fits rather than fail the audited change
        if (clientAddress != null && clientAddress.length() > 64) {
            clientAddress = clientAddress.substring(0, 64);
        }
    }

    /** The staff member a back-office request acts for. */
    public static Actor of(ActingStaff staff) {
        return new Actor(staff.id(), staff.clientAddress());
    }
}
