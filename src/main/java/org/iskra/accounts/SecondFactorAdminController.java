package org.iskra.accounts;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.privacy.Actor;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators and the second factor of others (SecurityConfiguration lets only administrators in): resetting a
 * member's (they lost their phone; they set one up again at their next login), and which roles besides
 * administrators and organizers must have one.
 */
@Controller
@ConditionalOnWebApplication
class SecondFactorAdminController {

    /** Roles an administrator may make need a second factor; administrators and organizers always need one. */
    static final List<Role> OPTIONAL = List.of(Role.EDITOR, Role.AUTHOR, Role.TRANSLATOR);

    private final StaffAdministration administration;
    private final SecondFactor secondFactor;
    private final StaffSessions sessions;
    private final BackOfficePages pages;

    SecondFactorAdminController(StaffAdministration administration, SecondFactor secondFactor, StaffSessions sessions,
                                BackOfficePages pages) {
        this.administration = administration;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.pages = pages;
    }

    @PostMapping("/admin/users/{id}/second-factor/reset")
    @RequiresRecentLogin
    ResponseEntity<byte[]> reset(@PathVariable long id, HttpServletRequest request, Principal principal) {
        ManagedAccount member = administration.member(id);
        secondFactor.reset(member.user(), actor(request, principal));
        sessions.endAll(member.user().email());
        return BackOfficePages.seeOther("/admin/users/" + id + "?done=second-factor");
    }

    @GetMapping("/admin/users/second-factor")
    ResponseEntity<byte[]> policy(HttpServletRequest request, CsrfToken csrf) {
        String notice = request.getParameter("done") != null ? pages.messages(request).get("accounts.policy.done") : null;
        return page(HttpStatus.OK, request, csrf, secondFactor.requiredRoles(), notice);
    }

    /** Holders of a role that now needs a second factor and have none log in again, and set one up then. */
    @PostMapping("/admin/users/second-factor")
    ResponseEntity<byte[]> require(@RequestParam(required = false) List<String> role, HttpServletRequest request,
                                   Principal principal) {
        List<Role> roles = new ArrayList<>();
        for (Role optional : OPTIONAL) {
            if (role != null && role.contains(optional.name())) {
                roles.add(optional);
            }
        }
        List<Role> before = secondFactor.requiredRoles();
        secondFactor.requireFor(roles, actor(request, principal));
        for (Role added : roles.stream().filter(r -> !before.contains(r)).toList()) {
            for (String email : administration.emailsWithRole(added)) {
                if (administration.member(email).map(m -> !secondFactor.status(m.user()).enrolled()).orElse(false)) {
                    sessions.endAll(email);
                }
            }
        }
        return BackOfficePages.seeOther("/admin/users/second-factor?done");
    }

    private ResponseEntity<byte[]> page(HttpStatus status, HttpServletRequest request, CsrfToken csrf, List<Role> required,
                                        String notice) {
        var t = pages.messages(request);
        List<SecondFactorPages.Choice> choices = OPTIONAL.stream()
                .map(r -> new SecondFactorPages.Choice(r.name(), t.get("accounts.role." + r.name().toLowerCase()), required.contains(r)))
                .toList();
        return pages.render(status, "accounts/second-factor-policy.jte", new SecondFactorPages.Policy(
                pages.frame(request, "accounts.policy.title"), BackOfficePages.csrf(csrf), choices, notice), request);
    }

    private Actor actor(HttpServletRequest request, Principal principal) {
        return StaffAudit.actor(request, administration.member(principal.getName()).map(m -> m.user().id()).orElse(null));
    }
}
