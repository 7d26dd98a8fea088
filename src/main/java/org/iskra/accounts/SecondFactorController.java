package org.iskra.accounts;

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
 * The second step of the login: a code from the authenticator app, or a recovery code. A session half-way through
 * its login is answered only at the step it is at; any other sends it there. Setting up an app is
 * {@link AuthenticatorEnrolmentController}'s.
 */
@Controller
@ConditionalOnWebApplication
class SecondFactorController {

    static final String CODE_FAILURES = SecondFactorController.class.getName() + ".failures";
    /** Wrong codes a session half-way through its login may send before it must start again with the password. */
    static final int MAX_CODE_FAILURES = 5;

    private final LoginSteps steps;
    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final BackOfficePages pages;

    SecondFactorController(LoginSteps steps, SecondFactor secondFactor, LoginThrottle throttle, BackOfficePages pages) {
        this.steps = steps;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.pages = pages;
    }

    @GetMapping("/admin/second-factor")
    ResponseEntity<byte[]> code(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                                CsrfToken csrf) {
        if (SignIn.signedIn(authentication)) {
            return BackOfficePages.seeOther("/admin/");
        }
        StaffUser user = steps.user(authentication);
        LoginSteps.Step next = steps.next(user);
        if (next == LoginSteps.Step.NONE) {
            return BackOfficePages.seeOther(steps.complete(request, response, user, null));
        }
        if (next != LoginSteps.Step.CODE) {
            return BackOfficePages.seeOther(next.path);
        }
        return codePage(HttpStatus.OK, user, request, csrf, null);
    }

    @PostMapping("/admin/second-factor")
    ResponseEntity<byte[]> verify(@RequestParam(required = false) String code, Authentication authentication,
                                  HttpServletRequest request, HttpServletResponse response, CsrfToken csrf) {
        if (SignIn.signedIn(authentication)) {
            return BackOfficePages.seeOther("/admin/");
        }
        StaffUser user = steps.user(authentication);
        if (steps.next(user) != LoginSteps.Step.CODE) {
            return BackOfficePages.seeOther("/admin/second-factor");
        }
        if (throttle.check(request, user.email()) != LoginThrottle.Verdict.GO) {
            return codePage(HttpStatus.TOO_MANY_REQUESTS, user, request, csrf, "accounts.second-factor.throttled");
        }
        Optional<SecondFactor.Factor> factor = secondFactor.verify(user, code, StaffAudit.actor(request, user.id()));
        if (factor.isPresent()) {
            return BackOfficePages.seeOther(steps.complete(request, response, user, factor.get()));
        }
        throttle.failed(request, user.email(), "code");
        HttpSession session = request.getSession();
        int failures = session.getAttribute(CODE_FAILURES) instanceof Integer n ? n + 1 : 1;
        if (failures >= MAX_CODE_FAILURES) {
            session.invalidate();
            return BackOfficePages.seeOther("/admin/login?error");
        }
        session.setAttribute(CODE_FAILURES, failures);
        return codePage(HttpStatus.BAD_REQUEST, user, request, csrf, "accounts.second-factor.wrong");
    }

    private ResponseEntity<byte[]> codePage(HttpStatus status, StaffUser user, HttpServletRequest request, CsrfToken csrf,
                                            String error) {
        SecondFactorStatus factors = secondFactor.status(user);
        SecondFactorPages.Code page = new SecondFactorPages.Code(pages.frame(request, "accounts.second-factor.title"),
                BackOfficePages.csrf(csrf), factors.totp(), factors.passkeys() > 0, pages.asset("assets/passkeys.js"),
                error == null ? null : pages.messages(request).get(error));
        return pages.render(status, "accounts/second-factor.jte", page, request);
    }
}
