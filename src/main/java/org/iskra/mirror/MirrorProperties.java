package org.iskra.mirror;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the static mirror ({@code iskra.mirror.*}, each also an {@code ISKRA_MIRROR_…} variable in the README).
 *
 * @param dir     the folder the back office writes the mirror into; empty: the back office cannot start a run
 * @param baseUrl the mirror's own public address, for its canonical and hreflang links; empty: the live site's
 * @param joinUrl where mirror readers reach a server for what needs one (the join form, the newsletter, the full
 *                search), e.g. the onion address of the live site; empty: the live site
 */
@ConfigurationProperties("iskra.mirror")
record MirrorProperties(String dir, String baseUrl, String joinUrl) {

    MirrorProperties {
        dir = dir == null ? "" : dir.strip();
        baseUrl = trimSlash(baseUrl);
        joinUrl = trimSlash(joinUrl);
    }

    private static String trimSlash(String url) {
        String value = url == null ? "" : url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
