package org.iskra.accounts;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.iskra.site.ClientAddress;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows guessing at passwords and codes without handing attackers a way to lock staff out. Failures (wrong
 * passwords, wrong second-factor codes, wrong re-authentications) are counted in the database, so nodes sharing it
 * count the whole installation's. Three limits:
 * <ul>
 * <li>per client address (an IPv6 one by its /64): 30 wrong passwords in 10 minutes, then that address waits (codes
 * count against their account only: whoever types one has its password already);</li>
 * <li>per account and address: 5 in 5 minutes, then that address waits for that account;</li>
 * <li>per account from anywhere: after 10 in 15 minutes, each further attempt waits 2, 4, 8 … up to 60 seconds after
 * the last failure, except from a browser the owner has logged in with before ({@link StaffDevices}).</li>
 * </ul>
 */
@Component
class LoginThrottle implements AuthenticationFailureHandler {

    enum Verdict { GO, THROTTLED, SLOWED }

    static final int PER_ADDRESS = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final Duration ACCOUNT_AND_ADDRESS_WINDOW = Duration.ofMinutes(5);
    static final int ACCOUNT_SLOW_DOWN_AFTER = 10;
    static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final ThrottleStore store;
    private final StaffStore staff;
    private final StaffDevices devices;
    private final StaffAudit audit;

    LoginThrottle(ThrottleStore store, StaffStore staff, StaffDevices devices, StaffAudit audit) {
        this.store = store;
        this.staff = staff;
        this.devices = devices;
        this.audit = audit;
    }

    /** Refuses a login attempt before the password is even checked when a limit is used up. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/admin/login".equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Verdict verdict = check(request, request.getParameter("email"));
                if (verdict != Verdict.GO) {
                    response.sendRedirect(verdict == Verdict.SLOWED ? "/admin/login?slow" : "/admin/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    Verdict check(HttpServletRequest request, String email) {
        OffsetDateTime now = now();
        String address = ClientAddress.key(request);
        String account = accountKey(email);
        if (store.byAddress(address, now.minus(ADDRESS_WINDOW)) >= PER_ADDRESS
                || store.byAccountAndAddress(account, address, now.minus(ACCOUNT_AND_ADDRESS_WINDOW)) >= PER_ACCOUNT_AND_ADDRESS) {
            return Verdict.THROTTLED;
        }
        ThrottleStore.AccountFailures failures = store.byAccount(account, now.minus(ACCOUNT_WINDOW));
        if (failures.count() < ACCOUNT_SLOW_DOWN_AFTER) {
            return Verdict.GO;
        }
        Duration delay = delay(failures.count());
        if (failures.last().plus(delay).isBefore(now)) {
            return Verdict.GO;
        }
        Optional<Long> owner = staff.credentials(email).map(StaffStore.Credentials::id);
        return owner.isPresent() && devices.trusted(request, owner.get()) ? Verdict.GO : Verdict.SLOWED;
    }

    static Duration delay(int failures) {
        int doublings = Math.min(failures - ACCOUNT_SLOW_DOWN_AFTER + 1, 6);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** A wrong password for {@code email}. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String email = request.getParameter("email");
        failed(request, email, "password");
        response.sendRedirect("/admin/login?error");
    }

    /**
     * Counts a failure against the account named {@code email} and the request's address, and audits it (naming the
     * account by its id when there is one, never by what was typed).
     */
    @Transactional
    void failed(HttpServletRequest request, String email, String step) {
        store.failed(accountKey(email), ClientAddress.key(request), step.length() > 20 ? step.substring(0, 20) : step, now());
        Long id = staff.credentials(email).map(StaffStore.Credentials::id).orElse(null);
        audit.record(request, step.equals("password") ? null : id, "staff.login.failed", id, "step=" + step);
    }

    @Scheduled(fixedDelay = 10 * 60 * 1000, initialDelay = 60 * 1000)
    void forgetOld() {
        store.forget(now().minusDays(1));
        devices.forgetOld();
    }

    /** The account as the failures table knows it: a hash of the address typed, never the address itself. */
    private static String accountKey(String email) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(StaffStore.normalize(email).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
