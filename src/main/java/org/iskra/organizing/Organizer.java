package org.iskra.organizing;

import java.util.List;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffUser;

/** A staff user as follow-up sees them: administrators see every section, organizers the sections they organize. */
record Organizer(long id, String displayName, boolean administrator, List<String> sectionSlugs) {

    static Organizer of(StaffUser user) {
        return new Organizer(user.id(), user.displayName(), user.has(Role.ADMINISTRATOR), user.scopes(Role.ORGANIZER));
    }

    boolean organizes(Section section) {
        return administrator || sectionSlugs.contains(section.slug());
    }
}
