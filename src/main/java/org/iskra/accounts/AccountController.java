package org.iskra.accounts;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A staff user's own account: changing the password (which ends their other sessions, in case the old one leaked),
 * their second factor (app, recovery codes, passkeys) and logging out everywhere, e.g. after leaving a session open
 * on a shared computer.
 */
@Controller
@ConditionalOnWebApplication
class AccountController {

    private static final Set<String> DONE = Set.of("second-factor", "passkey", "passkey-removed", "language");

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final PasswordChangeThrottle throttle;
    private final SecondFactor secondFactor;
    private final Passkeys passkeys;
    private final StaffAudit audit;
    private final LanguageChoices languageChoices;

    AccountController(Languages languages, PageFrames frames, PageRenderer renderer, StaffAccounts accounts,
                      StaffSessions sessions, PasswordChangeThrottle throttle, SecondFactor secondFactor,
                      Passkeys passkeys, StaffAudit audit, LanguageChoices languageChoices) {
        this.languageChoices = languageChoices;
        this.secondFactor = secondFactor;
        this.passkeys = passkeys;
        this.audit = audit;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @GetMapping("/admin/account")
    ResponseEntity<byte[]> show(HttpServletRequest request, CsrfToken csrf, Principal principal) {
        Messages t = frames.messages(languages.preferredBy(request));
        String done = request.getParameter("done");
        String notice = request.getParameter("changed") != null ? t.get("accounts.account.changed")
                : done != null && DONE.contains(done) ? t.get("accounts.account.done." + done) : null;
        return page(HttpStatus.OK, request, csrf, principal, Map.of(), notice, false);
    }

    /** New recovery codes, shown once; the old ones stop working. */
    @PostMapping("/admin/account/recovery-codes")
    @RequiresRecentLogin
    ResponseEntity<byte[]> newRecoveryCodes(HttpServletRequest request, Principal principal) {
        StaffUser user = accounts.find(principal.getName()).orElseThrow();
        if (!secondFactor.status(user).totp()) {
            return BackOfficePages.seeOther("/admin/account");
        }
        List<String> codes = secondFactor.newRecoveryCodes(user, StaffAudit.actor(request, user.id()));
        request.getSession().setAttribute(AuthenticatorEnrolmentController.RECOVERY_CODES, new ArrayList<>(codes));
        return BackOfficePages.seeOther("/admin/second-factor/recovery-codes");
    }

    @PostMapping("/admin/account/password")
    ResponseEntity<byte[]> changePassword(HttpServletRequest request, CsrfToken csrf, Principal principal) {
        Messages t = frames.messages(languages.preferredBy(request));
        String password = request.getParameter("password");
        if (throttle.exhausted(principal.getName())) {
            return page(HttpStatus.TOO_MANY_REQUESTS, request, csrf, principal, Map.of(),
                    t.get("accounts.account.error.throttled"), true);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || !password.equals(request.getParameter("repeat"))) {
            errors.put("repeat", t.get("accounts.password.mismatch"));
        } else {
            try {
                accounts.changePassword(principal.getName(), request.getParameter("current"), password,
                        StaffAudit.actor(request, accounts.idOf(principal.getName()).orElse(null)));
            } catch (PasswordRejectedException rejected) {
                boolean wrongCurrent = StaffAccounts.WRONG_CURRENT_PASSWORD.equals(rejected.reason());
                if (wrongCurrent) {
                    // its own throttle, not the login's: the owner must still be able to log in from here
                    throttle.failed(principal.getName());
                }
                String field = wrongCurrent ? "current" : "password";
                errors.put(field, t.get(rejected.reason()));
            }
        }
        if (!errors.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, request, csrf, principal, errors, t.get("accounts.form.error-summary"), true);
        }
        HttpSession current = request.getSession(false);
        sessions.endAllBut(principal.getName(), current == null ? null : current.getId());
        return BackOfficePages.seeOther("/admin/account?changed");
    }

    /** Ends every session of the user, this one included, and sends them to the login page. */
    @PostMapping("/admin/account/sessions")
    ResponseEntity<byte[]> logOutEverywhere(HttpServletRequest request, HttpServletResponse response, Principal principal) {
        HttpSession current = request.getSession(false);
        sessions.endAllBut(principal.getName(), current == null ? null : current.getId());
        Long id = accounts.idOf(principal.getName()).orElse(null);
        audit.record(request, id, "staff.sessions.end", id, "by=self");
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return BackOfficePages.seeOther("/admin/login?logout");
    }

    private ResponseEntity<byte[]> page(HttpStatus status, HttpServletRequest request, CsrfToken csrf, Principal principal,
                                        Map<String, String> errors, String notice, boolean problem) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        StaffUser user = accounts.find(principal.getName()).orElseThrow();
        AccountPage page = new AccountPage(frames.backOfficeFrame(language, t.get("accounts.account.title")),
                BackOfficePages.csrf(csrf), user, sessions.count(user.email()), secondFactor.status(user),
                passkeys.list(user.email()).stream().map(p -> new AccountPage.Key(p.id(), p.label(),
                        p.created() == null ? "" : t.date(p.created().atOffset(java.time.ZoneOffset.UTC)))).toList(),
                frames.assetPath("assets/passkeys.js"), errors, notice, problem,
                languageChoices.of(user.email(), request.getHeader("Accept-Language")));
        return renderer.privatePage(status, "accounts/account.jte", page, language);
    }
}
