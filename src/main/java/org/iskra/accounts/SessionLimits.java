package org.iskra.accounts;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Idle and absolute limits of staff sessions. The idle one is the session's own (Spring Session stores it with the
 * session, so every node applies it); the absolute one is kept in the session and checked against the session's
 * creation on every back-office request. A session half-way through the login lasts ten idle minutes.
 */
final class SessionLimits extends OncePerRequestFilter {

    /** The absolute limit of this session, in milliseconds from its creation (when the password was checked). */
    static final String ABSOLUTE = SessionLimits.class.getName() + ".absolute";
    static final Duration PENDING_IDLE = Duration.ofMinutes(10);

    private final SessionProperties properties;

    SessionLimits(SessionProperties properties) {
        this.properties = properties;
    }

    /** Applies the limits of this user's roles to their session, at the end of the login. */
    void apply(HttpSession session, StaffUser user) {
        boolean personalData = user.has(Role.ADMINISTRATOR) || user.has(Role.ORGANIZER);
        Duration idle = personalData ? properties.personalDataIdle() : properties.idle();
        Duration absolute = personalData ? properties.personalDataAbsolute() : properties.absolute();
        session.setMaxInactiveInterval((int) idle.toSeconds());
        session.setAttribute(ABSOLUTE, absolute.toMillis());
    }

    static void pending(HttpSession session) {
        session.setMaxInactiveInterval((int) PENDING_IDLE.toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ABSOLUTE) instanceof Long absolute
                && System.currentTimeMillis() > session.getCreationTime() + absolute) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect("/admin/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
