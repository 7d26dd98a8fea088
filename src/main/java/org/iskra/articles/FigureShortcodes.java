package org.iskra.articles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's {@code {{< figure src="…" alt="…" caption="…" attr="…" attrlink="…" >}}}, the one shortcode Iskra keeps in
 * stored Markdown because plain Markdown has no place for a credit.
 */
final class FigureShortcodes {

    static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*figure\\b(.*?)\\s*[>%]}}", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s\"'>]+))");

    private FigureShortcodes() {
    }

    static Map<String, String> attributes(String inside) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(inside);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replace("\\\"", "\"")
                    : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.put(m.group(1).toLowerCase(), unescape(value));
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
        Matcher m = SHORTCODE.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            figures.add(figure(attributes(m.group(2))));
            m.appendReplacement(out, Matcher.quoteReplacement("\n\n" + placeholderPrefix + (figures.size() - 1) + "\n\n"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> sources(String markdown) {
        List<String> sources = new ArrayList<>();
        Matcher m = SHORTCODE.matcher(markdown);
        while (m.find()) {
            sources.add(attributes(m.group(2)).getOrDefault("src", ""));
        }
        return sources;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
