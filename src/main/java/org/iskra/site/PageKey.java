package org.iskra.site;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The key a page is kept under: its decoded path and the values of the query parameters the page read to render
 * itself, nothing else. A reader arriving from social media with {@code ?utm_source=…&fbclid=…} gets the page kept
 * for the plain address, and no request can add a variant of a page by adding parameters it does not read (a loop
 * of random ones used to push every real page out of the cache). Values are decoded and spelt again one way, so
 * {@code page=2} and {@code page=%32} are one page.
 */
final class PageKey {

    private PageKey() {
    }

    /**
     * The key, or null when the path or query is not properly percent-encoded (such a request is answered 400
     * before it reaches a page; see {@link MalformedQueryFilter}).
     *
     * @param path     the decoded path ({@link #path})
     * @param rawQuery the query string as sent, or null
     * @param read     the names of the parameters the page reads, sorted
     */
    static String of(String path, String rawQuery, SortedSet<String> read) {
        if (read.isEmpty()) {
            return rawQuery == null || wellFormed(rawQuery) ? path : null;
        }
        List<String[]> pairs = pairs(rawQuery);
        if (pairs == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(path).append('?');
        for (String name : read) {
            boolean present = false;
            for (String[] pair : pairs) {
                if (pair[0].equals(name)) {
                    key.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8)).append('&');
                    present = true;
                }
            }
            if (!present) {
                // absent is not the same as empty, and a key made with other names can never equal this one
                key.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('&');
            }
        }
        return key.toString();
    }

    /** The request URI as sent, decoded; null if an escape in it is malformed. */
    static String path(String rawPath) {
        return decode(rawPath, false);
    }

    /** Whether every {@code %} in the text starts an escape of two hexadecimal digits. */
    static boolean wellFormed(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    /** The query's name and value pairs, decoded as a form is, in order; null if it is malformed. */
    private static List<String[]> pairs(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int equals = rawQuery.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decode(rawQuery.substring(start, hasValue ? equals : end), true);
                String value = hasValue ? decode(rawQuery.substring(equals + 1, end), true) : "";
                if (name == null || value == null) {
                    return null;
                }
                pairs.add(new String[] {name, value});
            }
            start = end + 1;
        }
        return pairs;
    }

    /** Percent-decoding as UTF-8 (with {@code +} as a space in a query); null if an escape is malformed. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return null;
                }
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
