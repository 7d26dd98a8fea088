package org.iskra.site;

import java.util.Optional;

/**
 * Who a logged-in staff member is, by the name they logged in with: for features that record who acted (the audit
 * log) but that the staff accounts themselves depend on, such as privacy (accounts → mail → privacy), and so
 * cannot call them directly.
 */
public interface StaffDirectory {

    /** The id of the staff user with this login email, if there is one. */
    Optional<Long> idOf(String email);
}
