package org.iskra.site;

/**
 * The security headers that depend on the request rather than on the page, in one place: Spring Security writes
 * them on the responses it sees (accounts' security configuration), and the page cache, which answers hits before
 * Spring Security runs and keeps no per-request header, writes the same ones itself.
 */
public final class SecurityHeaders {

    /** A year: browsers go on using HTTPS for the site without ever trying plain HTTP first. */
    public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    /** As Spring Security spells it, so a cached page carries the header a rendered one does. */
    public static final String HSTS = "max-age=" + HSTS_MAX_AGE_SECONDS;

    /**
     * No page uses a device or sensor, or wants to be profiled for advertising. Only features Chromium knows: an
     * unknown one is a console error, which browsers' audits count against the page.
     */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
            + "browsing-topics=()";

    private SecurityHeaders() {
    }
}
