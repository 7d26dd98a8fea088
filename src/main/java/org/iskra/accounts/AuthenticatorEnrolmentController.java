package org.iskra.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
 * Setting up an authenticator app (at the first login, or later from the account page) and showing the recovery
 * codes once. A login at its enrolment step or a signed-in user without an app may set one up; anyone else is sent
 * where they belong.
 */
@Controller
@ConditionalOnWebApplication
class AuthenticatorEnrolmentController {

    /** The session attribute holding the recovery codes until the user has kept them; the name stays as it was. */
    static final String RECOVERY_CODES = SecondFactorController.class.getName() + ".recovery";

    private final LoginSteps steps;
    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final BackOfficePages pages;

    AuthenticatorEnrolmentController(LoginSteps steps, SecondFactor secondFactor, LoginThrottle throttle,
                                     BackOfficePages pages) {
        this.steps = steps;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.pages = pages;
    }

    @GetMapping("/admin/second-factor/enrol")
    ResponseEntity<byte[]> enrolment(Authentication authentication, HttpServletRequest request, CsrfToken csrf) {
        Optional<StaffUser> user = enrolling(authentication);
        if (user.isEmpty()) {
            return BackOfficePages.seeOther(SignIn.signedIn(authentication) ? "/admin/account" : "/admin/second-factor");
        }
        return enrolPage(HttpStatus.OK, user.get(), authentication, request, csrf, null);
    }

    @PostMapping("/admin/second-factor/enrol")
    ResponseEntity<byte[]> confirm(@RequestParam(required = false) String code, Authentication authentication,
                                   HttpServletRequest request, CsrfToken csrf) {
        Optional<StaffUser> user = enrolling(authentication);
        if (user.isEmpty()) {
            return BackOfficePages.seeOther("/admin/second-factor");
        }
        if (throttle.check(request, user.get().email()) != LoginThrottle.Verdict.GO) {
            return enrolPage(HttpStatus.TOO_MANY_REQUESTS, user.get(), authentication, request, csrf,
                    "accounts.second-factor.throttled");
        }
        Optional<List<String>> codes = secondFactor.confirm(user.get(), code, StaffAudit.actor(request, user.get().id()));
        if (codes.isEmpty()) {
            throttle.failed(request, user.get().email(), "enrolment");
            return enrolPage(HttpStatus.BAD_REQUEST, user.get(), authentication, request, csrf, "accounts.second-factor.wrong");
        }
        request.getSession().setAttribute(RECOVERY_CODES, new ArrayList<>(codes.get()));
        return BackOfficePages.seeOther("/admin/second-factor/recovery-codes");
    }

    @GetMapping("/admin/second-factor/recovery-codes")
    ResponseEntity<byte[]> recoveryCodes(HttpServletRequest request, CsrfToken csrf) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(RECOVERY_CODES) instanceof List<?> codes)) {
            return BackOfficePages.seeOther("/admin/second-factor");
        }
        List<String> shown = codes.stream().map(String::valueOf).toList();
        return pages.render(HttpStatus.OK, "accounts/recovery-codes.jte", new SecondFactorPages.Recovery(
                pages.frame(request, "accounts.recovery.title"), BackOfficePages.csrf(csrf), shown), request);
    }

    /** The user has kept the codes: they are forgotten, and a login under way is complete. */
    @PostMapping("/admin/second-factor/recovery-codes")
    ResponseEntity<byte[]> recoveryCodesKept(Authentication authentication, HttpServletRequest request,
                                             HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        boolean shown = session != null && session.getAttribute(RECOVERY_CODES) != null;
        if (session != null) {
            session.removeAttribute(RECOVERY_CODES);
        }
        if (SignIn.signedIn(authentication)) {
            return BackOfficePages.seeOther("/admin/account?done=second-factor");
        }
        StaffUser user = steps.user(authentication);
        if (!shown || steps.next(user) != LoginSteps.Step.CODE || !secondFactor.status(user).totp()) {
            return BackOfficePages.seeOther("/admin/second-factor");
        }
        // codes are shown only after this session confirmed the app with a first code from it: that code is this
        // login's second factor
        return BackOfficePages.seeOther(steps.complete(request, response, user, SecondFactor.Factor.TOTP));
    }

    /** Who may set up an app now: a login at its enrolment step, or a signed-in user without an app. */
    private Optional<StaffUser> enrolling(Authentication authentication) {
        StaffUser user = steps.user(authentication);
        if (SignIn.signedIn(authentication)) {
            return secondFactor.status(user).totp() ? Optional.empty() : Optional.of(user);
        }
        return steps.next(user) == LoginSteps.Step.ENROL ? Optional.of(user) : Optional.empty();
    }

    private ResponseEntity<byte[]> enrolPage(HttpStatus status, StaffUser user, Authentication authentication,
                                             HttpServletRequest request, CsrfToken csrf, String error) {
        SecondFactor.Enrolment enrolment = secondFactor.enrolment(user);
        var t = pages.messages(request);
        SecondFactorPages.Enrol page = new SecondFactorPages.Enrol(pages.frame(request, "accounts.enrol.title"),
                BackOfficePages.csrf(csrf), QrCodeSvg.of(enrolment.uri(), t.get("accounts.enrol.qr")), enrolment.secret(),
                !SignIn.signedIn(authentication), error == null ? null : t.get(error));
        return pages.render(status, "accounts/enrol.jte", page, request);
    }
}
