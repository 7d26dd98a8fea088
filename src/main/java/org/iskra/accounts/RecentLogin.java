package org.iskra.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Before an action marked {@link RequiresRecentLogin}: unless the user proved who they are in the last five minutes,
 * the action is not run; a page asks for a code from their app or their password instead, and sends the action's
 * own fields again with it (hidden), so no script is needed and nothing is typed twice. A wrong answer counts
 * toward the login throttle, as at the login.
 */
@Component
@ConditionalOnWebApplication
class RecentLogin implements HandlerInterceptor, WebMvcConfigurer {

    static final Duration VALID = Duration.ofMinutes(5);
    static final String AT = RecentLogin.class.getName() + ".at";
    static final String CODE = "reauth-code";
    static final String PASSWORD = "reauth-password";
    private static final Set<String> NOT_CARRIED = Set.of(CODE, PASSWORD, "_csrf");

    private final LoginSteps steps;
    private final SecondFactor secondFactor;
    private final StaffStore store;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final StaffAudit audit;
    private final BackOfficePages pages;

    RecentLogin(LoginSteps steps, SecondFactor secondFactor, StaffStore store, PasswordEncoder encoder,
                LoginThrottle throttle, StaffAudit audit, BackOfficePages pages) {
        this.steps = steps;
        this.secondFactor = secondFactor;
        this.store = store;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RequiresRecentLogin.class)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SignIn.signedIn(authentication)) {
            return true;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(AT) instanceof Long at && System.currentTimeMillis() - at < VALID.toMillis()) {
            return true;
        }
        StaffUser user = steps.user(authentication);
        boolean totp = secondFactor.status(user).totp();
        String code = request.getParameter(CODE);
        String password = request.getParameter(PASSWORD);
        String error = null;
        if (!blank(code) || !blank(password)) {
            if (throttle.check(request, user.email()) != LoginThrottle.Verdict.GO) {
                error = "accounts.reauthenticate.throttled";
            } else if (proves(user, totp, code, password, request)) {
                session.setAttribute(AT, System.currentTimeMillis());
                audit.record(request, user.id(), "staff.reauthenticate", user.id(), blank(code) ? "with=password" : "with=code");
                return true;
            } else {
                throttle.failed(request, user.email(), "reauthentication");
                error = "accounts.reauthenticate.wrong";
            }
        }
        write(response, page(request, totp, error));
        return false;
    }

    private boolean proves(StaffUser user, boolean totp, String code, String password, HttpServletRequest request) {
        if (!blank(code)) {
            return totp && secondFactor.verify(user, code, StaffAudit.actor(request, user.id()))
                    .filter(factor -> factor == SecondFactor.Factor.TOTP).isPresent();
        }
        if (password.length() > PasswordPolicy.MAXIMUM_LENGTH) {
            return false;
        }
        return store.credentials(user.email()).map(c -> c.passwordHash() != null && encoder.matches(password, c.passwordHash()))
                .orElse(false);
    }

    private ResponseEntity<byte[]> page(HttpServletRequest request, boolean totp, String error) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_CARRIED.contains(name)) {
                for (String value : values) {
                    fields.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
                }
            }
        });
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String action = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        SecondFactorPages.Reauthenticate page = new SecondFactorPages.Reauthenticate(
                pages.frame(request, "accounts.reauthenticate.title"), BackOfficePages.csrf(csrf), action, fields, totp,
                error == null ? null : pages.messages(request).get(error));
        return pages.render(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "accounts/reauthenticate.jte", page, request);
    }

    private static void write(HttpServletResponse response, ResponseEntity<byte[]> page) throws IOException {
        response.setStatus(page.getStatusCode().value());
        page.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.getOutputStream().write(page.getBody());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
