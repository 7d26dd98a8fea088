package org.iskra.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.iskra.site.IskraProperties;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Browsers a staff user has completed a login in (OWASP's "device cookie"): a random token in a cookie, its hash in
 * the database. Failures others cause on an account slow down logins to it from anywhere else, never from these,
 * so guessing at an account cannot keep its owner out.
 */
@Component
class StaffDevices {

    static final String COOKIE = "ISKRA_DEVICE";
    static final Duration LIFETIME = Duration.ofDays(180);

    private final SecureRandom random = new SecureRandom();
    private final ThrottleStore store;
    private final boolean secure;

    StaffDevices(ThrottleStore store, IskraProperties site) {
        this.store = store;
        this.secure = site.baseUrl().startsWith("https://");
    }

    /** Whether this request comes from a browser the account {@code userId} completed a login in. */
    boolean trusted(HttpServletRequest request, long userId) {
        return token(request).flatMap(token -> store.deviceOwner(Invitations.hash(token), now().minus(LIFETIME)))
                .filter(owner -> owner == userId).isPresent();
    }

    /** After a completed login: this browser is the user's from now on. */
    void remember(HttpServletRequest request, HttpServletResponse response, long userId) {
        if (trusted(request, userId)) {
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.trust(Invitations.hash(token), userId, now());
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path("/admin").httpOnly(true).secure(secure)
                .sameSite("Strict").maxAge(LIFETIME).build().toString());
    }

    void forgetOld() {
        store.forgetDevices(now().minus(LIFETIME));
    }

    private static Optional<String> token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
