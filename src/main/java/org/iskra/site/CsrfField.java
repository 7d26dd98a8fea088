package org.iskra.site;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The hidden field every back-office form sends back (and the header a script sends instead), for the partial
 * {@code layout/csrf.jte}. It reads the request's token only when a form is rendered: Spring Security defers the
 * token, and a page without a form should not make one.
 */
public final class CsrfField {

    private final CsrfToken token;

    CsrfField(CsrfToken token) {
        this.token = token;
    }

    public String parameter() {
        return token.getParameterName();
    }

    public String token() {
        return token.getToken();
    }

    public String header() {
        return token.getHeaderName();
    }
}
