package org.iskra.accounts;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The steps of a staff login after the password: a new password when the one given was generated, enrolment of an
 * authenticator app when the user must have a second factor and has none, a code (or passkey) when they have one.
 * Only the last step signs the user in: {@link #complete} gives the session its roles, its limits and a new id.
 */
@Component
class LoginSteps implements AuthenticationSuccessHandler {

    /** What is left to do, and where. */
    enum Step {
        NEW_PASSWORD("/admin/new-password"), ENROL("/admin/second-factor/enrol"), CODE("/admin/second-factor"), NONE("/admin/");

        final String path;

        Step(String path) {
            this.path = path;
        }
    }

    private final StaffStore store;
    private final SecondFactor secondFactor;
    private final StaffDevices devices;
    private final StaffAudit audit;
    private final SessionLimits limits;
    private final CookieRequestCache requests = new CookieRequestCache();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginSteps(StaffStore store, SecondFactor secondFactor, StaffDevices devices, StaffAudit audit,
               SessionProperties sessions) {
        this.store = store;
        this.secondFactor = secondFactor;
        this.devices = devices;
        this.audit = audit;
        this.limits = new SessionLimits(sessions);
        // only pages are worth coming back to after the login, never a form's POST
        requests.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"));
    }

    RequestCache requestCache() {
        return requests;
    }

    SessionLimits limits() {
        return limits;
    }

    /** After the password: on to the next step, or signed in when there is none. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication password)
            throws IOException {
        StaffUser user = user(password);
        Step next = next(user);
        if (next == Step.NONE) {
            response.sendRedirect(complete(request, response, user, null));
            return;
        }
        SessionLimits.pending(request.getSession());
        response.sendRedirect(next.path);
    }

    Step next(StaffUser user) {
        StaffStore.Credentials credentials = store.credentials(user.email()).orElseThrow();
        if (credentials.passwordMustChange()) {
            return Step.NEW_PASSWORD;
        }
        SecondFactorStatus status = secondFactor.status(user);
        if (status.enrolled()) {
            return Step.CODE;
        }
        return status.required() ? Step.ENROL : Step.NONE;
    }

    /** Where a session half-way through its login must go next. */
    Step next(Authentication pending) {
        return next(user(pending));
    }

    StaffUser user(Authentication authentication) {
        return store.find(authentication.getName()).orElseThrow();
    }

    /**
     * Signs the user in: roles read now, a new session id (the session's privileges change), the limits of their
     * roles, this browser remembered as theirs, an audit row; then back to the page they asked for, or the start.
     *
     * @param factor the second factor passed, or null when the user has none and needs none
     * @return where to send the browser now
     */
    String complete(HttpServletRequest request, HttpServletResponse response, StaffUser user, SecondFactor.Factor factor) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.email(), null,
                SignIn.authorities(user.roles(), factor)));
        SecurityContextHolder.setContext(context);
        request.getSession();
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        limits.apply(session, user);
        devices.remember(request, response, user.id());
        audit.record(request, user.id(), "staff.login", user.id(),
                "factor=" + (factor == null ? "none" : factor.name().toLowerCase(java.util.Locale.ROOT)));
        return target(request, response);
    }

    private String target(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        if (saved != null) {
            URI uri = URI.create(saved.getRedirectUrl());
            String path = uri.getRawPath();
            if (path != null && path.startsWith("/admin/") && !path.startsWith("/admin/login")) {
                return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        }
        return "/admin/";
    }
}
