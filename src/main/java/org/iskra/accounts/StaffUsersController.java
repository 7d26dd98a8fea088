package org.iskra.accounts;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff accounts as administrators manage them (SecurityConfiguration lets only administrators in): the list and
 * invitations; one account's page is {@link StaffUserController}'s. A refused invitation shows the form again with
 * a 400 and the reasons in the administrator's language.
 */
@Controller
@ConditionalOnWebApplication
class StaffUsersController {

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffAdministration administration;
    private final RoleOptions options;
    private final Validator validator;
    private final Administrators administrators;

    StaffUsersController(Languages languages, PageFrames frames, PageRenderer renderer,
                         StaffAdministration administration, RoleOptions options, Validator validator,
                         Administrators administrators) {
        this.administrators = administrators;
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
                        RoleOptions.describe(member.user().roles(), t), member.user().enabled(), member.passwordChanged(t)))
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
            id = administration.invite(form.email(), form.displayName(), roles.get(), administrators.name(principal), language,
                    administrators.actor(request, principal));
        } catch (DuplicateKeyException sameAddressAtTheSameTime) {
            return invitePage(HttpStatus.BAD_REQUEST, request, csrf, form,
                    Map.of("email", t.get("accounts.users.error.email-taken")));
        }
        return BackOfficePages.seeOther("/admin/users/" + id + "?done=invited");
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

}
