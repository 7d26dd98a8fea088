package org.iskra.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's shortcodes ({@code {{< name args >}}}, {@code {{% name %}}inner{{% /name %}}}) turned into plain Markdown,
 * so that no shortcode markup reaches a reader: {@code figure} stays (Iskra renders it, with its caption and
 * credit); {@code ref}/{@code relref} become the address of the imported article; {@code youtube}, {@code vimeo},
 * {@code tweet}, {@code x}, {@code instagram} and {@code gist} become a plain link (no third-party embed reaches
 * readers); {@code highlight} a fenced code block; any other keeps its inner text and is counted by name.
 */
final class Shortcodes {

    /** What converting needs from the import: where a ref leads, and where to count what it did not know. */
    interface Context {
        /** The address of the article a {@code ref} names, or null when it was not imported. */
        String refUrl(String target, String language);

        void unknown(String name);

        void warning(String message);
    }

    private static final Pattern ESCAPED = Pattern.compile("\\{\\{([<%])/\\*(.*?)\\*/([>%])}}", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("\\{\\{([<%])-?\\s*(/?)\\s*([\\w./-]+)(.*?)-?\\s*([>%])}}", Pattern.DOTALL);
    private static final Pattern ARGUMENT = Pattern.compile(
            "\\G\\s*(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|'([^']*)'|([^\\s\"'`]+))");
    private static final int MAX_DEPTH = 20;

    private Shortcodes() {
    }

    static String convert(String markdown, String language, Context context) {
        Matcher escaped = ESCAPED.matcher(markdown);
        StringBuilder unescaped = new StringBuilder();
        while (escaped.find()) {
            // {{</* name */>}} is how a page shows a shortcode as text: a reader sees it as code
            String shown = "{{" + escaped.group(1) + escaped.group(2) + escaped.group(3) + "}}";
            escaped.appendReplacement(unescaped, Matcher.quoteReplacement("`" + shown.replace("`", "") + "`"));
        }
        escaped.appendTail(unescaped);
        return convert(unescaped.toString(), language, context, 0);
    }

    private static String convert(String text, String language, Context context, int depth) {
        if (depth > MAX_DEPTH || text.indexOf("{{") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher tag = TAG.matcher(text);
        int copied = 0;
        int from = 0;
        while (from < text.length() && tag.find(from)) {
            if (isInlineCode(text, tag.start())) {
                from = tag.end();
                continue;
            }
            out.append(text, copied, tag.start());
            String name = tag.group(3).toLowerCase(Locale.ROOT);
            String rest = tag.group(4).strip();
            boolean selfClosing = rest.endsWith("/");
            if (selfClosing) {
                rest = rest.substring(0, rest.length() - 1);
            }
            if (!tag.group(2).isEmpty()) {
                // a closing tag without its opening one: nothing for a reader
                copied = from = tag.end();
                continue;
            }
            Arguments arguments = Arguments.parse(rest);
            int end = tag.end();
            String inner = null;
            if (!selfClosing) {
                Matcher closing = Pattern.compile("\\{\\{[<%]-?\\s*/\\s*" + Pattern.quote(tag.group(3)) + "\\s*-?[>%]}}")
                        .matcher(text);
                if (closing.find(tag.end())) {
                    inner = convert(text.substring(tag.end(), closing.start()), language, context, depth + 1);
                    end = closing.end();
                }
            }
            if (name.equals("figure") && inner == null) {
                out.append(text, tag.start(), tag.end());
            } else {
                out.append(replacement(name, arguments, inner, language, context));
            }
            copied = from = end;
        }
        out.append(text.substring(copied));
        return out.toString();
    }

    private static String replacement(String name, Arguments a, String inner, String language, Context context) {
        switch (name) {
            case "ref", "relref" -> {
                String target = a.get("path", 0);
                if (target == null) {
                    context.warning(name + " without a page");
                    return "#";
                }
                String anchor = "";
                int hash = target.indexOf('#');
                if (hash >= 0) {
                    anchor = target.substring(hash);
                    target = target.substring(0, hash);
                }
                if (target.isEmpty()) {
                    return anchor;
                }
                String lang = a.named().getOrDefault("lang", language);
                String url = context.refUrl(target, lang);
                if (url == null) {
                    context.warning(name + " to " + target + ": no such page was imported; the link leads nowhere");
                    return "#";
                }
                return url + anchor;
            }
            case "youtube" -> {
                String id = a.get("id", 0);
                return id == null ? "" : link(a.named().getOrDefault("title", inner), "https://www.youtube.com/watch?v=" + id);
            }
            case "vimeo" -> {
                String id = a.get("id", 0);
                return id == null ? "" : link(a.named().get("title"), "https://vimeo.com/" + id);
            }
            case "tweet", "x", "twitter" -> {
                String user = a.named().getOrDefault("user", a.positional().size() > 1 ? a.positional().get(0) : null);
                String id = a.named().getOrDefault("id", a.positional().isEmpty() ? null : a.positional().get(a.positional().size() - 1));
                return id == null ? "" : link(null, "https://x.com/" + (user == null ? "i" : user) + "/status/" + id);
            }
            case "instagram" -> {
                String id = a.get("id", 0);
                return id == null ? "" : link(null, "https://www.instagram.com/p/" + id + "/");
            }
            case "gist" -> {
                String user = a.get("user", 0);
                String id = a.get("id", 1);
                return user == null || id == null ? "" : link(null, "https://gist.github.com/" + user + "/" + id);
            }
            case "highlight" -> {
                String lang = a.get("lang", 0);
                String code = inner == null ? "" : inner.strip();
                return "\n```" + (lang == null ? "" : lang) + "\n" + code + "\n```\n";
            }
            case "details" -> {
                String summary = a.get("summary", -1);
                return (summary == null ? "" : "**" + summary + "**\n\n") + (inner == null ? "" : inner);
            }
            default -> {
                context.unknown(name);
                return inner == null ? "" : inner;
            }
        }
    }

    private static String link(String text, String url) {
        String label = text == null || text.isBlank() ? url : text.strip().replace("[", "\\[").replace("]", "\\]");
        return "[" + label + "](" + url + ")";
    }

    /** Inside `code` on the same line, a shortcode is an example, not markup. */
    private static boolean isInlineCode(String text, int position) {
        int lineStart = text.lastIndexOf('\n', position - 1) + 1;
        long ticks = text.substring(lineStart, position).chars().filter(c -> c == '`').count();
        return ticks % 2 == 1;
    }

    /** A shortcode's arguments: positional ones in order, named ones by name. */
    record Arguments(List<String> positional, Map<String, String> named) {

        static Arguments parse(String text) {
            List<String> positional = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            Matcher m = ARGUMENT.matcher(text);
            while (m.find() && m.end() > m.start()) {
                String value = m.group(2) != null ? m.group(2).replaceAll("\\\\([\"\\\\])", "$1")
                        : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                if (m.group(1) != null) {
                    named.put(m.group(1).toLowerCase(Locale.ROOT), value);
                } else {
                    positional.add(value);
                }
                if (m.end() >= text.length()) {
                    break;
                }
            }
            return new Arguments(positional, named);
        }

        /** The named argument, else the positional one at {@code index} (none when negative). */
        String get(String name, int index) {
            String value = named.get(name);
            if (value != null) {
                return value;
            }
            return index >= 0 && index < positional.size() ? positional.get(index) : null;
        }
    }
}
