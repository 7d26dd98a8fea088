package org.iskra.screening;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public security chain is sessionless, so Spring's CSRF token (kept in a session) is off for the public forms;
 * instead a browser's cross-site POST is refused by its Origin (or, failing that, Referer) header, on top of the
 * signed form token and SameSite cookie defaults. Clients that send neither header are not browsers acting for
 * someone else and may post.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** Whether the request comes from this site's own pages (its Host, or the configured base URL). */
    public static boolean check(HttpServletRequest request, String baseUrl) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            String referer = request.getHeader("Referer");
            if (referer == null || referer.isEmpty()) {
                return true;
            }
            origin = originOf(referer);
        }
        if (origin == null || "null".equals(origin)) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getHeader("Host");
        return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(originOf(baseUrl));
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
