package org.iskra.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first administrator's generated password went through a log: before anything else, its holder chooses their
 * own. A step of the login, between the password and the second factor.
 */
@Controller
@ConditionalOnWebApplication
class NewPasswordController {

    private final LoginSteps steps;
    private final StaffAccounts accounts;
    private final BackOfficePages pages;

    NewPasswordController(LoginSteps steps, StaffAccounts accounts, BackOfficePages pages) {
        this.steps = steps;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/admin/new-password")
    ResponseEntity<byte[]> form(Authentication authentication, HttpServletRequest request, CsrfToken csrf) {
        StaffUser user = steps.user(authentication);
        if (SignIn.signedIn(authentication) || steps.next(user) != LoginSteps.Step.NEW_PASSWORD) {
            return BackOfficePages.seeOther("/admin/second-factor");
        }
        return page(HttpStatus.OK, user, request, csrf, Map.of());
    }

    @PostMapping("/admin/new-password")
    ResponseEntity<byte[]> change(@RequestParam(required = false) String password,
                                  @RequestParam(required = false) String repeat, Authentication authentication,
                                  HttpServletRequest request, CsrfToken csrf) {
        StaffUser user = steps.user(authentication);
        if (SignIn.signedIn(authentication) || steps.next(user) != LoginSteps.Step.NEW_PASSWORD) {
            return BackOfficePages.seeOther("/admin/second-factor");
        }
        var t = pages.messages(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || !password.equals(repeat)) {
            errors.put("repeat", t.get("accounts.password.mismatch"));
        } else {
            try {
                accounts.replaceGeneratedPassword(user, password, StaffAudit.actor(request, user.id()));
            } catch (PasswordRejectedException rejected) {
                errors.put("password", t.get(rejected.reason()));
            }
        }
        if (!errors.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, user, request, csrf, errors);
        }
        return BackOfficePages.seeOther("/admin/second-factor");
    }

    private ResponseEntity<byte[]> page(HttpStatus status, StaffUser user, HttpServletRequest request, CsrfToken csrf,
                                        Map<String, String> errors) {
        SecondFactorPages.NewPassword page = new SecondFactorPages.NewPassword(
                pages.frame(request, "accounts.new-password.title"), BackOfficePages.csrf(csrf), user.email(), errors,
                errors.isEmpty() ? null : pages.messages(request).get("accounts.form.error-summary"));
        return pages.render(status, "accounts/new-password.jte", page, request);
    }
}
