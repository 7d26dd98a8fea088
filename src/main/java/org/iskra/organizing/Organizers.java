package org.iskra.organizing;

import org.iskra.accounts.StaffAccounts;
import org.iskra.site.ActingStaff;
import org.iskra.site.NotFoundException;
import org.springframework.stereotype.Component;

/** The acting staff member as organizing's controllers need them: what they may do with join requests. */
@Component
class Organizers {

    private final StaffAccounts accounts;

    Organizers(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    Organizer of(ActingStaff staff) {
        return Organizer.of(accounts.find(staff.email()).orElseThrow(NotFoundException::new));
    }
}
