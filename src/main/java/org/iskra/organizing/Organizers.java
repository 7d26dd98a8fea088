package org.iskra.organizing;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.accounts.StaffAccounts;
import org.iskra.privacy.Actor;
import org.iskra.site.NotFoundException;
import org.springframework.stereotype.Component;

/** The logged-in staff user as organizing's controllers need them: what they may do, and who the audit names. */
@Component
class Organizers {

    private final StaffAccounts accounts;

    Organizers(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    Organizer of(Principal principal) {
        return Organizer.of(accounts.find(principal.getName()).orElseThrow(NotFoundException::new));
    }

    static Actor actor(HttpServletRequest request, Organizer user) {
        return new Actor(user.id(), request.getRemoteAddr());
    }
}
