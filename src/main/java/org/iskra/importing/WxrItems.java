package org.iskra.importing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What an item of a WordPress export means, read the way WordPress and WPML write it. */
final class WxrItems {

    private WxrItems() {
    }

    /** WPML Export and Import may have held the real status back while it worked; its meta names it. */
    static String status(WxrItem item) {
        String held = item.meta().get("_wpml_import_after_process_post_status");
        return held != null && !held.isBlank() ? held.strip() : item.status();
    }

    static OffsetDateTime date(WxrItem item) {
        OffsetDateTime gmt = gmt(item.postDateGmt());
        return gmt != null ? gmt : gmt(item.postDate());
    }

    /** A WordPress date ("2024-05-01 10:00:00"), as UTC; null for none or the never-published "0000-…". */
    static OffsetDateTime gmt(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** How the summary names the item: "post 123". */
    static String origin(WxrItem item) {
        return (item.type().isEmpty() ? "item" : item.type()) + " " + item.id();
    }

    /** The post's permalink path and its short link ({@code /?p=123}, {@code /?page_id=7}). */
    static List<String> addresses(WxrItem item) {
        List<String> addresses = new ArrayList<>();
        if (item.link() != null && !item.link().isBlank() && !item.link().contains("?p=") && !item.link().contains("?page_id=")) {
            addresses.add(item.link().strip());
        }
        addresses.add((item.type().equals("page") ? "/?page_id=" : "/?p=") + item.id());
        return addresses;
    }

    /** The site's host name, which keys the articles of one site apart from another's with the same post ids. */
    static String host(String url) {
        if (url == null) {
            return "wordpress";
        }
        String h = url.replaceFirst("(?i)^https?://", "");
        int slash = h.indexOf('/');
        h = slash < 0 ? h : h.substring(0, slash);
        return h.isBlank() ? "wordpress" : h.toLowerCase(Locale.ROOT);
    }
}
