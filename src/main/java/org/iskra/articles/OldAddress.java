package org.iskra.articles;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;

/**
 * An address as a redirect stores it, so that the forms a link takes ({@code https://old.example/2023/05/%D0%BC%D0%B8%D1%80/},
 * {@code /2023/05/мир}, {@code /2023/05/%d0%bc%d0%b8%d1%80/}) are one: the path percent-decoded and in Unicode NFC,
 * without a trailing slash, and a query only where it names the page (WordPress's {@code ?p=ID}).
 */
record OldAddress(String key) {

    static final int MAX_LENGTH = 1000;

    /** Query parameters that name a page on their own; any other query is no part of the address. */
    private static final Set<String> NAMING_PARAMETERS = Set.of("p", "page_id", "attachment_id");

    /** From a stored or imported address: a path, or a whole URL whose host is ignored. */
    static Optional<OldAddress> of(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = address.strip();
        String path;
        String query;
        if (text.matches("(?i)^https?://.*") || text.startsWith("//")) {
            try {
                URI uri = new URI(text.replace(" ", "%20"));
                path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                query = uri.getRawQuery();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        } else {
            int hash = text.indexOf('#');
            if (hash >= 0) {
                text = text.substring(0, hash);
            }
            int question = text.indexOf('?');
            path = question < 0 ? text : text.substring(0, question);
            query = question < 0 ? null : text.substring(question + 1);
        }
        return of(path, query);
    }

    /** From a request: its raw path and query. */
    static Optional<OldAddress> of(String rawPath, String rawQuery) {
        String path = decoded(rawPath == null ? "" : rawPath);
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        path = path.replaceAll("/{2,}", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String naming = namingQuery(rawQuery);
        String key = Normalizer.normalize(naming == null ? path : path + "?" + naming, Normalizer.Form.NFC);
        if (key.length() > MAX_LENGTH || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(new OldAddress(key));
    }

    /** The first page-naming parameter of a query ({@code p=123}), or null. */
    private static String namingQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && NAMING_PARAMETERS.contains(pair.substring(0, equals))
                    && pair.substring(equals + 1).matches("\\d{1,19}")) {
                return pair;
            }
        }
        return null;
    }

    /** Percent-decoding as a URL path reads: a "+" is a plus; invalid UTF-8 becomes U+FFFD rather than failing. */
    static String decoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
