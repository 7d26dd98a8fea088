package org.iskra.site;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notices when Iskra sees its reverse proxy instead of its clients: requests that carry {@code X-Forwarded-For} or
 * {@code Forwarded} and still arrive from one private address. Then every reader shares one address, and the login
 * throttle and the join form's limit per address count them all together (30 failed logins would keep every staff
 * member out). Warned about loudly in the log and in {@code /actuator/health/proxy}; the fix is
 * {@code ISKRA_FORWARDED_HEADERS=native} (and the proxy's address among the trusted ones).
 */
@Component
@ConditionalOnWebApplication
public class ForwardedHeadersCheck extends OncePerRequestFilter {

    /** Requests from one private address with forwarded headers before it counts as a misconfiguration. */
    static final int THRESHOLD = 10;

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersCheck.class);

    private final String strategy;
    private final String baseUrl;
    private final AtomicReference<String> proxy = new AtomicReference<>();
    private final AtomicLong seen = new AtomicLong();
    private volatile String suspect;
    private volatile Instant since;

    ForwardedHeadersCheck(@Value("${server.forward-headers-strategy:none}") String strategy, IskraProperties properties) {
        this.strategy = strategy;
        this.baseUrl = properties.baseUrl();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        if ("none".equalsIgnoreCase(strategy) && baseUrl.startsWith("https://")) {
            log.warn("""

                    ================================================================
                     ISKRA_BASE_URL is https:// but ISKRA_FORWARDED_HEADERS is none.
                     Behind a TLS proxy every client then has the proxy's address:
                     login throttling and join limits would count everyone as one.
                     Set ISKRA_FORWARDED_HEADERS=native.
                    ================================================================""");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxy.get() == null && (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null)) {
            observe(request.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }

    /** Counts forwarded requests from a private address; past the threshold from one address, warns once. */
    void observe(String address) {
        if (!ClientAddress.isPrivate(address)) {
            return;
        }
        if (!address.equals(suspect)) {
            suspect = address;
            since = Instant.now();
            seen.set(0);
        }
        if (seen.incrementAndGet() >= THRESHOLD && proxy.compareAndSet(null, address)) {
            log.error("""

                    ================================================================
                     Requests with forwarded headers all come from {}:
                     Iskra sees its reverse proxy, not its clients. Every client
                     shares one address for login throttling and join limits.
                     Set ISKRA_FORWARDED_HEADERS=native (now: {}) and make sure
                     the proxy's address is trusted.
                    ================================================================""", address, strategy);
        }
    }

    /** Whether requests have shown the misconfiguration. */
    public boolean misconfigured() {
        return proxy.get() != null;
    }

    /** The address forwarded requests came from, or null. */
    String proxyAddress() {
        return proxy.get();
    }

    Instant since() {
        return since;
    }

    String strategy() {
        return strategy;
    }
}
