package org.iskra.articles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugo's {@code {{< figure src="…" alt="…" caption="…" attr="…" attrlink="…" >}}}, the one shortcode Iskra keeps in
 * stored Markdown because plain Markdown has no place for a credit.
 *
 * <p>Read by hand, in one pass, rather than with a regular expression: a body is whatever an author pasted, and the
 * expression this replaced ({@code \{\{([<%])\s*figure\b(.*?)\s*[>%]}}}) took time quadratic in the length of a body
 * holding an unclosed {@code {{<figure} followed by spaces (half a megabyte of them took minutes in the preview, on
 * save, on the public page and in the index). Here every character is looked at a bounded number of times.
 */
public final class FigureShortcodes {

    /**
     * One shortcode in a text.
     *
     * @param start  where its {@code {{} starts
     * @param end    just after its closing {@code }}}
     * @param opener {@code <} or {@code %}
     * @param closer {@code >} or {@code %}: Hugo wants it to match the opener, the renderer forgives a mismatch
     * @param inside what stands between the word {@code figure} and the closing, trailing space left out
     */
    public record Found(int start, int end, char opener, char closer, String inside) {
    }

    private FigureShortcodes() {
    }

    /** Every figure shortcode in the text, in order; an unclosed one ends the search (none can close after it). */
    public static List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        Closings closings = new Closings(text);
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf("{{", from);
            if (open < 0 || open + 2 >= text.length()) {
                break;
            }
            char opener = text.charAt(open + 2);
            int name = skipSpace(text, open + 3);
            if ((opener != '<' && opener != '%') || !isFigureWord(text, name)) {
                from = open + 1;
                continue;
            }
            int afterName = name + "figure".length();
            int close = closings.first(afterName);
            if (close < 0) {
                break;
            }
            int insideEnd = close;
            while (insideEnd > afterName && Character.isWhitespace(text.charAt(insideEnd - 1))) {
                insideEnd--;
            }
            found.add(new Found(open, close + 3, opener, text.charAt(close), text.substring(afterName, insideEnd)));
            from = close + 3;
        }
        return found;
    }

    /**
     * The attributes inside a shortcode: {@code name="value"} (with {@code \"} for a quote), {@code name='value'}
     * or {@code name=value}; names in lower case. Anything else is skipped; an unclosed quote ends the list.
     */
    static Map<String, String> attributes(String inside) {
        Map<String, String> attributes = new HashMap<>();
        int i = 0;
        int length = inside.length();
        while (i < length) {
            if (!isAsciiLetter(inside.charAt(i))) {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < length && isAsciiLetter(inside.charAt(i))) {
                i++;
            }
            String name = inside.substring(nameStart, i);
            int j = skipSpace(inside, i);
            if (j >= length || inside.charAt(j) != '=') {
                continue;
            }
            j = skipSpace(inside, j + 1);
            if (j >= length) {
                break;
            }
            char first = inside.charAt(j);
            String value;
            if (first == '"') {
                StringBuilder quoted = new StringBuilder();
                int k = j + 1;
                while (k < length && inside.charAt(k) != '"') {
                    char c = inside.charAt(k);
                    if (c == '\\' && k + 1 < length) {
                        // \" is a quote; any other escape is kept as written, as Hugo's Go strings mostly are
                        char next = inside.charAt(k + 1);
                        quoted.append(next == '"' ? "\"" : "\\" + next);
                        k += 2;
                    } else {
                        quoted.append(c);
                        k++;
                    }
                }
                if (k >= length) {
                    break;
                }
                value = quoted.toString();
                i = k + 1;
            } else if (first == '\'') {
                int k = inside.indexOf('\'', j + 1);
                if (k < 0) {
                    break;
                }
                value = inside.substring(j + 1, k);
                i = k + 1;
            } else {
                int k = j;
                while (k < length && !Character.isWhitespace(inside.charAt(k)) && "\"'>".indexOf(inside.charAt(k)) < 0) {
                    k++;
                }
                if (k == j) {
                    i = j;
                    continue;
                }
                value = inside.substring(j, k);
                i = k;
            }
            attributes.put(name.toLowerCase(java.util.Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    static FigureSpec figure(Map<String, String> a) {
        String src = a.getOrDefault("src", "");
        return new FigureSpec(FigureSpec.hashOf(src), src, a.getOrDefault("alt", ""),
                a.getOrDefault("caption", a.getOrDefault("title", "")), a.get("attr"), a.get("attrlink"));
    }

    /** Replaces each shortcode with a line of its own holding a placeholder, and collects the figures in order. */
    static String extract(String markdown, String placeholderPrefix, List<FigureSpec> figures) {
        List<Found> shortcodes = in(markdown);
        if (shortcodes.isEmpty()) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + shortcodes.size() * 4);
        int copied = 0;
        for (Found shortcode : shortcodes) {
            figures.add(figure(attributes(shortcode.inside())));
            out.append(markdown, copied, shortcode.start())
                    .append("\n\n").append(placeholderPrefix).append(figures.size() - 1).append("\n\n");
            copied = shortcode.end();
        }
        return out.append(markdown, copied, markdown.length()).toString();
    }

    private static boolean isFigureWord(String text, int at) {
        if (!text.startsWith("figure", at)) {
            return false;
        }
        int after = at + "figure".length();
        if (after >= text.length()) {
            return true;
        }
        char next = text.charAt(after);
        return !(Character.isLetterOrDigit(next) || next == '_');
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Where the next {@code >}}} or {@code %}}} is, remembered: the positions asked about only grow, so the text
     * is scanned once in all, however many shortcodes it opens.
     */
    private static final class Closings {
        private final String text;
        private int searchedFrom = Integer.MAX_VALUE;
        private int next = -1;

        Closings(String text) {
            this.text = text;
        }

        /** The position of the {@code >} or {@code %} of the first closing at or after {@code from}; -1 if none. */
        int first(int from) {
            if (from >= searchedFrom && (next < 0 || next >= from)) {
                return next;
            }
            searchedFrom = from;
            next = -1;
            int i = from;
            while (true) {
                int braces = text.indexOf("}}", i);
                if (braces < 0) {
                    return next;
                }
                if (braces - 1 >= from && (text.charAt(braces - 1) == '>' || text.charAt(braces - 1) == '%')) {
                    next = braces - 1;
                    return next;
                }
                i = braces + 1;
            }
        }
    }
}
