package org.iskra.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.iskra.privacy.Actor;
import org.iskra.site.ActingStaff;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffAdministration administration;
    private final RoleOptions options;
    private final SecondFactor secondFactor;

    StaffUserController(PageFrames frames, PageRenderer renderer, StaffAdministration administration,
                        RoleOptions options, SecondFactor secondFactor) {
        this.frames = frames;
        this.renderer = renderer;
        this.administration = administration;
        this.options = options;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/admin/users/{id}")
    ResponseEntity<byte[]> show(@PathVariable long id, @RequestParam(required = false) String done, Reader reader,
                                ActingStaff staff) {
        ManagedAccount member = administration.member(id);
        String notice = done != null && DONE.contains(done) ? reader.t().get("accounts.users.done." + done) : null;
        return userPage(HttpStatus.OK, reader, staff, member, RoleSelection.of(member.user().roles()), Map.of(), notice,
                false);
    }

    @PostMapping("/admin/users/{id}/roles")
    @RequiresRecentLogin
    ResponseEntity<byte[]> changeRoles(@PathVariable long id, HttpServletRequest request, Reader reader,
                                       ActingStaff staff) {
        ManagedAccount member = administration.member(id);
        Messages t = reader.t();
        RoleSelection selection = RoleSelection.from(request);
        Optional<List<StaffRole>> roles = options.parse(selection);
        if (roles.isEmpty()) {
            return userPage(HttpStatus.BAD_REQUEST, reader, staff, member, selection,
                    Map.of("roles", t.get("accounts.users.error.roles")), null, true);
        }
        try {
            administration.changeRoles(staff.email(), id, roles.get(), sessionId(request), Actor.of(staff));
        } catch (StaffChangeRejectedException e) {
            return userPage(HttpStatus.BAD_REQUEST, reader, staff, member, selection,
                    Map.of("roles", t.get(e.reason())), null, true);
        }
        return PageRenderer.seeOther("/admin/users/" + id + "?done=roles");
    }

    @PostMapping("/admin/users/{id}/disable")
    ResponseEntity<byte[]> disable(@PathVariable long id, Reader reader, ActingStaff staff) {
        return change(id, reader, staff, "disabled", () -> administration.setEnabled(staff.email(), id, false, Actor.of(staff)));
    }

    @PostMapping("/admin/users/{id}/enable")
    ResponseEntity<byte[]> enable(@PathVariable long id, Reader reader, ActingStaff staff) {
        return change(id, reader, staff, "enabled", () -> administration.setEnabled(staff.email(), id, true, Actor.of(staff)));
    }

    @PostMapping("/admin/users/{id}/sessions")
    ResponseEntity<byte[]> endSessions(@PathVariable long id, Reader reader, ActingStaff staff) {
        return change(id, reader, staff, "sessions", () -> administration.endSessions(id, Actor.of(staff)));
    }

    @PostMapping("/admin/users/{id}/invitation")
    ResponseEntity<byte[]> resendInvitation(@PathVariable long id, Reader reader, ActingStaff staff) {
        return change(id, reader, staff, "invitation", () -> administration.resendInvitation(id,
                administration.signature(staff.email()), reader.language(), Actor.of(staff)));
    }

    private ResponseEntity<byte[]> change(long id, Reader reader, ActingStaff staff, String done, Runnable action) {
        ManagedAccount member = administration.member(id);
        try {
            action.run();
        } catch (StaffChangeRejectedException e) {
            return userPage(HttpStatus.BAD_REQUEST, reader, staff, member, RoleSelection.of(member.user().roles()),
                    Map.of(), reader.t().get(e.reason()), true);
        }
        return PageRenderer.seeOther("/admin/users/" + id + "?done=" + done);
    }

    private ResponseEntity<byte[]> userPage(HttpStatus status, Reader reader, ActingStaff staff, ManagedAccount member,
                                            RoleSelection selection, Map<String, String> errors, String notice,
                                            boolean problem) {
        Messages t = reader.t();
        boolean self = StaffStore.normalize(staff.email()).equals(member.user().email());
        // titled by the account's name, not by a message key
        PageFrame frame = frames.backOfficeFrame(reader.language(), member.user().displayName()).withCsrf(reader.csrf());
        StaffUserPage page = new StaffUserPage(frame, member, RoleOptions.describe(member.user().roles(), t),
                member.passwordChanged(t), administration.sessionCount(member), secondFactor.status(member.user()), self,
                options.choices(selection, t), errors, notice, problem);
        return renderer.privatePage(status, "accounts/user.jte", page, reader.language());
    }

    private static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
