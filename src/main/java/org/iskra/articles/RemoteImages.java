package org.iskra.articles;

import org.springframework.web.util.HtmlUtils;

/**
 * What becomes of an image a body takes from another site. Pages show images from the site's own media only
 * (imported or uploaded, served from {@code /media/}): a picture loaded from elsewhere tells that site the address
 * of everyone who reads a political article, and when. Such an image is shown as a link to it, with its alt text
 * as the link's words, which the reader may follow or not; the Content-Security-Policy ({@code img-src 'self'
 * data:}) blocks whatever slips past.
 */
final class RemoteImages {

    private RemoteImages() {
    }

    static boolean isWebAddress(String src) {
        return src != null && (src.startsWith("https://") || src.startsWith("http://"));
    }

    /** The link that stands for the image; {@code escapedWords} are already HTML-escaped. */
    static String link(String src, String escapedWords) {
        return "<a href=\"" + HtmlUtils.htmlEscape(src, "UTF-8") + "\" rel=\"nofollow noopener\">"
                + escapedWords + "</a>";
    }
}
