package org.iskra.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens of the back office: in the session once there is one (a login, from the password step on), in a
 * cookie before (the login form, an invitation's form). Anonymous visits then create no session in the database,
 * and signed-in pages keep the token a cookie-setting attacker cannot replace.
 */
final class BackOfficeCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    BackOfficeCsrfTokens(boolean secure) {
        cookies.setCookieName("ISKRA_CSRF");
        cookies.setHeaderName("X-CSRF-TOKEN");
        cookies.setCookieCustomizer(cookie -> cookie.path("/admin").httpOnly(true).secure(secure).sameSite("Strict"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            sessions.saveToken(token, request, response);
            if (token == null) {
                cookies.saveToken(null, request, response);
            }
        } else {
            cookies.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken token = request.getSession(false) == null ? null : sessions.loadToken(request);
        return token != null ? token : cookies.loadToken(request);
    }
}
