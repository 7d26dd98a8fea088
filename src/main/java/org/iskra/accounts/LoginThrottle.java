package org.iskra.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.iskra.site.ClientAddress;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without handing attackers a way to lock staff out. Failures are counted per client
 * address and per account-and-address: once either runs out, that address must wait for tokens to refill before
 * trying again. The same account from another address is unaffected, so nobody can lock a colleague out.
 */
@Component
class LoginThrottle implements AuthenticationFailureHandler {

    static final String THROTTLED = LoginThrottle.class.getName() + ".throttled";
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAccountAndAddress = new ConcurrentHashMap<>();

    /** Refuses a login attempt before the password is even checked when its address has used up its failures. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/admin/login".equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (exhausted(perAddress, address(request)) || exhausted(perAccountAndAddress, accountKey(request))) {
                    response.sendRedirect("/admin/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bucket(perAddress, address(request), 30, Duration.ofMinutes(10)).tryConsume(1);
        bucket(perAccountAndAddress, accountKey(request), 5, Duration.ofMinutes(5)).tryConsume(1);
        response.sendRedirect("/admin/login?error");
    }

    private static boolean exhausted(Map<String, Bucket> buckets, String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, int failures, Duration window) {
        if (buckets.size() > MAX_TRACKED) {
            // a flood of addresses must not exhaust memory; forgetting counts only makes guessing slightly cheaper
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
                .build());
    }

    private static String address(HttpServletRequest request) {
        return ClientAddress.of(request);
    }

    private static String accountKey(HttpServletRequest request) {
        return StaffStore.normalize(request.getParameter("email")) + "|" + address(request);
    }
}
