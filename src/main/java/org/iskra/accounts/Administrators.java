package org.iskra.accounts;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.privacy.Actor;
import org.springframework.stereotype.Component;

/** The logged-in administrator as the staff pages need them: who the audit names, and how an invitation signs. */
@Component
class Administrators {

    private final StaffAdministration administration;

    Administrators(StaffAdministration administration) {
        this.administration = administration;
    }

    Actor actor(HttpServletRequest request, Principal principal) {
        return StaffAudit.actor(request, administration.member(principal.getName()).map(m -> m.user().id()).orElse(null));
    }

    String name(Principal principal) {
        return administration.member(principal.getName()).map(m -> m.user().displayName()).orElse(principal.getName());
    }
}
