package org.iskra.accounts;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.privacy.Actor;
import org.iskra.site.PageRenderer;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff accounts as administrators manage them (SecurityConfiguration lets only administrators in): the list,
 * invitations, roles, disabling, sessions. Each change is a POST that redirects back with a notice; a refused one
 * shows the page again with a 400 and the reason in the administrator's language.
 */
@Controller
@ConditionalOnWebApplication
class StaffUsersController {

    /** The notices a redirect may ask for, by the {@code done} parameter. */
    private static final Set<String> DONE = Set.of("invited", "roles", "disabled", "enabled", "sessions", "invitation",
            "second-factor");

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffAdministration administration;
    private final RoleOptions options;
    private final Validator validator;
    private final SecondFactor secondFactor;

    StaffUsersController(Languages languages, PageFrames frames, PageRenderer renderer,
                         StaffAdministration administration, RoleOptions options, Validator validator,
                         SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.administration = administration;
        this.options = options;
        this.validator = validator;
    }

    @GetMapping("/admin/users")
    ResponseEntity<byte[]> list(@RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        int pages = Math.max(1, (administration.count() + StaffAdministration.PAGE_SIZE - 1) / StaffAdministration.PAGE_SIZE);
        if (page < 1 || page > pages) {
            throw new NotFoundException();
        }
        List<StaffListPage.Row> rows = administration.page(page).stream()
                .map(member -> new StaffListPage.Row(member.user().id(), member.user().displayName(), member.user().email(),
                        RoleOptions.describe(member.user().roles(), t), member.user().enabled(), passwordChanged(member, t)))
                .toList();
        String notice = "invited".equals(request.getParameter("done")) ? t.get("accounts.users.done.invited") : null;
        StaffListPage model = new StaffListPage(frames.backOfficeFrame(language, t.get("accounts.users.title")), rows,
                page, pages, notice);
        return renderer.privatePage(HttpStatus.OK, "accounts/users.jte", model, language);
    }

    @GetMapping("/admin/users/new")
    ResponseEntity<byte[]> inviteForm(HttpServletRequest request, CsrfToken csrf) {
        return invitePage(HttpStatus.OK, request, csrf, InviteForm.of("", "", RoleSelection.none()), Map.of());
    }

    @PostMapping("/admin/users")
    ResponseEntity<byte[]> invite(HttpServletRequest request, CsrfToken csrf, Principal principal) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        InviteForm form = InviteForm.of(request.getParameter("email"), request.getParameter("displayName"),
                RoleSelection.from(request));
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<InviteForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            errors.putIfAbsent(field, t.get("accounts.users.error." + field));
        }
        if (!errors.containsKey("email") && administration.emailTaken(form.email())) {
            errors.put("email", t.get("accounts.users.error.email-taken"));
        }
        Optional<List<StaffRole>> roles = options.parse(form.roles());
        if (roles.isEmpty()) {
            errors.put("roles", t.get("accounts.users.error.roles"));
        }
        if (!errors.isEmpty()) {
            return invitePage(HttpStatus.BAD_REQUEST, request, csrf, form, errors);
        }
        long id;
        try {
            id = administration.invite(form.email(), form.displayName(), roles.get(), actorName(principal), language,
                    actor(request, principal));
        } catch (DuplicateKeyException sameAddressAtTheSameTime) {
            return invitePage(HttpStatus.BAD_REQUEST, request, csrf, form,
                    Map.of("email", t.get("accounts.users.error.email-taken")));
        }
        return seeOther("/admin/users/" + id + "?done=invited");
    }

    @GetMapping("/admin/users/{id}")
    ResponseEntity<byte[]> show(@PathVariable long id, HttpServletRequest request, CsrfToken csrf, Principal principal) {
        StaffMember member = administration.member(id);
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
        StaffMember member = administration.member(id);
        Messages t = frames.messages(languages.preferredBy(request));
        RoleSelection selection = RoleSelection.from(request);
        Optional<List<StaffRole>> roles = options.parse(selection);
        if (roles.isEmpty()) {
            return userPage(HttpStatus.BAD_REQUEST, request, csrf, principal, member, selection,
                    Map.of("roles", t.get("accounts.users.error.roles")), null, true);
        }
        try {
            administration.changeRoles(principal.getName(), id, roles.get(), sessionId(request), actor(request, principal));
        } catch (StaffChangeRejectedException e) {
            return userPage(HttpStatus.BAD_REQUEST, request, csrf, principal, member, selection,
                    Map.of("roles", t.get(e.reason())), null, true);
        }
        return seeOther("/admin/users/" + id + "?done=roles");
    }

    @PostMapping("/admin/users/{id}/disable")
    ResponseEntity<byte[]> disable(@PathVariable long id, HttpServletRequest request, CsrfToken csrf, Principal principal) {
        return change(id, request, csrf, principal, "disabled", () -> administration.setEnabled(principal.getName(), id, false, actor(request, principal)));
    }

    @PostMapping("/admin/users/{id}/enable")
    ResponseEntity<byte[]> enable(@PathVariable long id, HttpServletRequest request, CsrfToken csrf, Principal principal) {
        return change(id, request, csrf, principal, "enabled", () -> administration.setEnabled(principal.getName(), id, true, actor(request, principal)));
    }

    @PostMapping("/admin/users/{id}/sessions")
    ResponseEntity<byte[]> endSessions(@PathVariable long id, HttpServletRequest request, CsrfToken csrf,
                                       Principal principal) {
        return change(id, request, csrf, principal, "sessions", () -> administration.endSessions(id, actor(request, principal)));
    }

    @PostMapping("/admin/users/{id}/invitation")
    ResponseEntity<byte[]> resendInvitation(@PathVariable long id, HttpServletRequest request, CsrfToken csrf,
                                            Principal principal) {
        Language language = languages.preferredBy(request);
        return change(id, request, csrf, principal, "invitation",
                () -> administration.resendInvitation(id, actorName(principal), language, actor(request, principal)));
    }

    private ResponseEntity<byte[]> change(long id, HttpServletRequest request, CsrfToken csrf, Principal principal,
                                          String done, Runnable action) {
        StaffMember member = administration.member(id);
        try {
            action.run();
        } catch (StaffChangeRejectedException e) {
            Messages t = frames.messages(languages.preferredBy(request));
            return userPage(HttpStatus.BAD_REQUEST, request, csrf, principal, member,
                    RoleSelection.of(member.user().roles()), Map.of(), t.get(e.reason()), true);
        }
        return seeOther("/admin/users/" + id + "?done=" + done);
    }

    private ResponseEntity<byte[]> invitePage(HttpStatus status, HttpServletRequest request, CsrfToken csrf, InviteForm form,
                                              Map<String, String> errors) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        InvitePage page = new InvitePage(frames.backOfficeFrame(language, t.get("accounts.invite.title")),
                csrf.getParameterName(), csrf.getToken(), form.email(), form.displayName(),
                options.choices(form.roles(), t), errors, errors.isEmpty() ? null : t.get("accounts.form.error-summary"));
        return renderer.privatePage(status, "accounts/invite.jte", page, language);
    }

    private ResponseEntity<byte[]> userPage(HttpStatus status, HttpServletRequest request, CsrfToken csrf,
                                            Principal principal, StaffMember member, RoleSelection selection,
                                            Map<String, String> errors, String notice, boolean problem) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        boolean self = StaffStore.normalize(principal.getName()).equals(member.user().email());
        StaffUserPage page = new StaffUserPage(frames.backOfficeFrame(language, member.user().displayName()),
                csrf.getParameterName(), csrf.getToken(), member, RoleOptions.describe(member.user().roles(), t),
                passwordChanged(member, t), administration.sessionCount(member), secondFactor.status(member.user()), self,
                options.choices(selection, t),
                errors, notice, problem);
        return renderer.privatePage(status, "accounts/user.jte", page, language);
    }

    private Actor actor(HttpServletRequest request, Principal principal) {
        return StaffAudit.actor(request, administration.member(principal.getName()).map(m -> m.user().id()).orElse(null));
    }

    private String actorName(Principal principal) {
        return administration.member(principal.getName()).map(m -> m.user().displayName()).orElse(principal.getName());
    }

    private static String passwordChanged(StaffMember member, Messages t) {
        OffsetDateTime changed = member.passwordChangedAt();
        return member.invitationPending() || changed == null ? t.get("accounts.users.pending") : t.date(changed);
    }

    private static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    private static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location))
                .cacheControl(CacheControl.noStore()).build();
    }
}
