package org.iskra.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.iskra.privacy.Actor;
import org.iskra.site.ActingStaff;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private final PageRenderer renderer;
    private final StaffAdministration administration;
    private final RoleOptions options;
    private final Validator validator;

    StaffUsersController(PageRenderer renderer, StaffAdministration administration, RoleOptions options,
                         Validator validator) {
        this.renderer = renderer;
        this.administration = administration;
        this.options = options;
        this.validator = validator;
    }

    @GetMapping("/admin/users")
    ResponseEntity<byte[]> list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done,
                                Reader reader) {
        Messages t = reader.t();
        int pages = Math.max(1, (administration.count() + StaffAdministration.PAGE_SIZE - 1) / StaffAdministration.PAGE_SIZE);
        if (page < 1 || page > pages) {
            throw new NotFoundException();
        }
        List<StaffListPage.Row> rows = administration.page(page).stream()
                .map(member -> new StaffListPage.Row(member.user().id(), member.user().displayName(), member.user().email(),
                        RoleOptions.describe(member.user().roles(), t), member.user().enabled(), member.passwordChanged(t)))
                .toList();
        String notice = "invited".equals(done) ? t.get("accounts.users.done.invited") : null;
        StaffListPage model = new StaffListPage(reader.backOfficeFrame("accounts.users.title"), rows, page, pages, notice);
        return renderer.privatePage(HttpStatus.OK, "accounts/users.jte", model, reader.language());
    }

    @GetMapping("/admin/users/new")
    ResponseEntity<byte[]> inviteForm(Reader reader) {
        return invitePage(HttpStatus.OK, reader, InviteForm.of("", "", RoleSelection.none()), Map.of());
    }

    @PostMapping("/admin/users")
    ResponseEntity<byte[]> invite(HttpServletRequest request, Reader reader, ActingStaff staff) {
        Messages t = reader.t();
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
            return invitePage(HttpStatus.BAD_REQUEST, reader, form, errors);
        }
        long id;
        try {
            id = administration.invite(form.email(), form.displayName(), roles.get(),
                    administration.signature(staff.email()), reader.language(), Actor.of(staff));
        } catch (DuplicateKeyException sameAddressAtTheSameTime) {
            return invitePage(HttpStatus.BAD_REQUEST, reader, form,
                    Map.of("email", t.get("accounts.users.error.email-taken")));
        }
        return PageRenderer.seeOther("/admin/users/" + id + "?done=invited");
    }

    private ResponseEntity<byte[]> invitePage(HttpStatus status, Reader reader, InviteForm form,
                                              Map<String, String> errors) {
        Messages t = reader.t();
        InvitePage page = new InvitePage(reader.backOfficeFrame("accounts.invite.title"), form.email(),
                form.displayName(), options.choices(form.roles(), t), errors,
                errors.isEmpty() ? null : t.get("accounts.form.error-summary"));
        return renderer.privatePage(status, "accounts/invite.jte", page, reader.language());
    }
}
