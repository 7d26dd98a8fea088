package org.iskra.site;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Who a staff member is, by the name they logged in with or by id: for features that record who acted (the audit
 * log) but that the staff accounts themselves depend on, such as privacy (accounts → mail → privacy), and so
 * cannot call them directly. The accounts feature owns the staff tables; this is how the others read them.
 */
public interface StaffDirectory {

    /** The id of the staff user with this login email, if there is one. */
    Optional<Long> idOf(String email);

    /** The language this staff member chose for the back office's interface, if they chose one. */
    Optional<String> interfaceLanguageOf(String email);

    /** The staff users with these ids, disabled ones too (they still acted when they did), by id. */
    Map<Long, StaffContact> contacts(Collection<Long> ids);
}
