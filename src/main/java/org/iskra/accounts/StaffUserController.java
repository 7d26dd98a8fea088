package org.iskra.accounts;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
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
 * One staff account as administrators manage it (SecurityConfiguration lets only administrators in): its roles,
 * disabling, sessions, its invitation. Each change is a POST that redirects back with a notice; a refused one shows
 * the page again with a 400 and the reason in the administrator's language.
 */
@Controller
@ConditionalOnWebApplication
class StaffUserController {

    /** The notices a redirect may ask for, by the {@code done} parameter. */
    private static final Set<String> DONE = Set.of("invited", "roles", "disabled", "enabled", "sessions", "invitation",
            "second-factor");

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffAdministration administration;
    private final RoleOptions options;
    private final SecondFactor secondFactor;
    private final Administrators administrators;

    StaffUserController(Languages languages, PageFrames frames, PageRenderer renderer,
                        StaffAdministration administration, RoleOptions options, SecondFactor secondFactor,
                        Administrators administrators) {
        this.secondFactor = secondFactor;
        this.administrators = administrators;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.administration = administration;
        this.options = options;
    }

    @GetMapping("/admin/users/{id}")
    ResponseEntity<byte[]> show(@PathVariable long id, HttpServletRequest request, CsrfToken csrf, Principal principal) {
        ManagedAccount member = administration.member(id);
        Messages t = frames.messages(languages.preferredBy(request));
        String done = request.getParameter("done");
        String notice = done != null && DONE.contains(done) ? t.get("accounts.users.done." + done) : null;
        return userPage(HttpStatus.OK, request, csrf, principal, member, RoleSelection.of(member.user().roles()),
                Map.of(), notice, false);
    }

    @PostMapping("/admin/users/{id}/roles")
    @RequiresRecentLogin
    ResponseEntity<byte[]> changeRoles(@PathVariable long id, HttpServletRequest request, CsrfToken csrf,
                                       Principal principal) {
        ManagedAccount member = administration.member(id);
        Messages t = frames.messages(languages.preferredBy(request));
        RoleSelection selection = RoleSelection.from(request);
        Optional<List<StaffRole>> roles = options.parse(selection);
        if (roles.isEmpty()) {
            return userPage(HttpStatus.BAD_REQUEST, request, csrf, principal, member, selection,
                    Map.of("roles", t.get("accounts.users.error.roles")), null, true);
        }
        try {
            administration.changeRoles(principal.getName(), id, roles.get(), sessionId(request), administrators.actor(request, principal));
        } catch (StaffChangeRejectedException e) {
            return userPage(HttpStatus.BAD_REQUEST, request, csrf, principal, member, selection,
                    Map.of("roles", t.get(e.reason())), null, true);
        }
        return BackOfficePages.seeOther("/admin/users/" + id + "?done=roles");
    }

    @PostMapping("/admin/users/{id}/disable")
    ResponseEntity<byte[]> disable(@PathVariable long id, HttpServletRequest request, CsrfToken csrf, Principal principal) {
        return change(id, request, csrf, principal, "disabled", () -> administration.setEnabled(principal.getName(), id, false, administrators.actor(request, principal)));
    }

    @PostMapping("/admin/users/{id}/enable")
    ResponseEntity<byte[]> enable(@PathVariable long id, HttpServletRequest request, CsrfToken csrf, Principal principal) {
        return change(id, request, csrf, principal, "enabled", () -> administration.setEnabled(principal.getName(), id, true, administrators.actor(request, principal)));
    }

    @PostMapping("/admin/users/{id}/sessions")
    ResponseEntity<byte[]> endSessions(@PathVariable long id, HttpServletRequest request, CsrfToken csrf,
                                       Principal principal) {
        return change(id, request, csrf, principal, "sessions", () -> administration.endSessions(id, administrators.actor(request, principal)));
    }

    @PostMapping("/admin/users/{id}/invitation")
    ResponseEntity<byte[]> resendInvitation(@PathVariable long id, HttpServletRequest request, CsrfToken csrf,
                                            Principal principal) {
        Language language = languages.preferredBy(request);
        return change(id, request, csrf, principal, "invitation",
                () -> administration.resendInvitation(id, administrators.name(principal), language, administrators.actor(request, principal)));
    }

    private ResponseEntity<byte[]> change(long id, HttpServletRequest request, CsrfToken csrf, Principal principal,
                                          String done, Runnable action) {
        ManagedAccount member = administration.member(id);
        try {
            action.run();
        } catch (StaffChangeRejectedException e) {
            Messages t = frames.messages(languages.preferredBy(request));
            return userPage(HttpStatus.BAD_REQUEST, request, csrf, principal, member,
                    RoleSelection.of(member.user().roles()), Map.of(), t.get(e.reason()), true);
        }
        return BackOfficePages.seeOther("/admin/users/" + id + "?done=" + done);
    }

    private ResponseEntity<byte[]> userPage(HttpStatus status, HttpServletRequest request, CsrfToken csrf,
                                            Principal principal, ManagedAccount member, RoleSelection selection,
                                            Map<String, String> errors, String notice, boolean problem) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        boolean self = StaffStore.normalize(principal.getName()).equals(member.user().email());
        StaffUserPage page = new StaffUserPage(frames.backOfficeFrame(language, member.user().displayName()),
                csrf.getParameterName(), csrf.getToken(), member, RoleOptions.describe(member.user().roles(), t),
                member.passwordChanged(t), administration.sessionCount(member), secondFactor.status(member.user()), self,
                options.choices(selection, t),
                errors, notice, problem);
        return renderer.privatePage(status, "accounts/user.jte", page, language);
    }

    private static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
