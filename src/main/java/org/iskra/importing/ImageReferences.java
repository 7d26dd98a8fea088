package org.iskra.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iskra.articles.FigureShortcodes;

/**
 * The images a Markdown body shows: Markdown's {@code ![alt](path "caption")} and Hugo's {@code figure} shortcode,
 * in {@code {{< >}}} or {@code {{% %}}} form. Rewriting points them at stored media ({@code media:HASH}) and keeps
 * everything else as written, so the stored body stays ordinary Markdown the renderer understands.
 */
final class ImageReferences {

    enum Kind { MARKDOWN, FIGURE }

    /**
     * One image in the body.
     *
     * @param start      where the reference starts in the body
     * @param end        where it ends (exclusive)
     * @param credit     the figure's {@code attr}; null for a Markdown image
     * @param creditLink the figure's {@code attrlink}; null for a Markdown image
     */
    record Reference(Kind kind, int start, int end, String src, String credit, String creditLink,
                     String text, int srcStart, int srcEnd, String delimiter, Map<String, String> attributes) {

        /** The words that stand for the image: the figure's alt text, else its caption; a Markdown image's alt text. */
        String altText() {
            if (kind == Kind.FIGURE) {
                String alt = attributes.getOrDefault("alt", "");
                return alt.isBlank() ? attributes.getOrDefault("caption", "").strip() : alt.strip();
            }
            int close = text.lastIndexOf("](", srcStart);
            return close < 2 ? "" : text.substring(2, close).strip();
        }

        /** This reference as it reads once it shows {@code newSrc} instead. */
        String pointingAt(String newSrc) {
            if (kind == Kind.MARKDOWN) {
                return text.substring(0, srcStart) + newSrc + text.substring(srcEnd);
            }
            StringBuilder figure = new StringBuilder("{{").append(delimiter).append(" figure");
            attributes.forEach((name, value) -> figure.append(' ').append(name).append("=\"")
                    .append((name.equals("src") ? newSrc : value).replace("\"", "&quot;")).append('"'));
            return figure.append(' ').append(delimiter.equals("<") ? ">" : "%").append("}}").toString();
        }
    }

    // ![alt](destination "title"): the destination is <anything> or a run without spaces (balanced parentheses allowed).
    // A title is at most 1 000 characters: unbounded, each unclosed quote would be read to the end of the file, and a
    // file of many of them in time quadratic in its length
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile(
            "!\\[((?:[^\\[\\]\\\\]|\\\\.|\\[(?:[^\\[\\]\\\\]|\\\\.)*\\])*)\\]\\(\\s*"
            + "(<([^<>\\n]*)>|((?:[^\\s()\\\\]|\\\\.|\\([^\\s()]*\\))+))"
            + "(\\s+(?:\"(?:[^\"\\\\]|\\\\.){0,1000}\"|'(?:[^'\\\\]|\\\\.){0,1000}'|\\((?:[^()\\\\]|\\\\.){0,1000}\\)))?\\s*\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\G\\s*([A-Za-z_][\\w-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|`([^`]*)`|([^\\s\"'`]+))");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private ImageReferences() {
    }

    /** Every image in {@code markdown}, in order; examples inside fenced code blocks are not images. */
    static List<Reference> in(String markdown) throws FileRejected {
        List<int[]> code = fencedCode(markdown);
        List<Reference> references = new ArrayList<>();
        Matcher markdownImage = MARKDOWN_IMAGE.matcher(markdown);
        while (markdownImage.find()) {
            if (inside(code, markdownImage.start())) {
                continue;
            }
            boolean angled = markdownImage.group(3) != null;
            int group = angled ? 3 : 4;
            int srcStart = (angled ? markdownImage.start(2) : markdownImage.start(4)) - markdownImage.start();
            int srcEnd = (angled ? markdownImage.end(2) : markdownImage.end(4)) - markdownImage.start();
            references.add(new Reference(Kind.MARKDOWN, markdownImage.start(), markdownImage.end(),
                    unescapeMarkdown(markdownImage.group(group)), null, null, markdownImage.group(),
                    srcStart, srcEnd, null, Map.of()));
        }
        for (FigureShortcodes.Found figure : FigureShortcodes.in(markdown)) {
            if (inside(code, figure.start())) {
                continue;
            }
            if (figure.opener() != (figure.closer() == '>' ? '<' : '%')) {
                throw new FileRejected("figure shortcode opened with {{" + figure.opener()
                        + " is closed with " + figure.closer() + "}}");
            }
            Map<String, String> attributes = attributes(figure.inside());
            String src = attributes.get("src");
            if (src == null || src.isBlank()) {
                throw new FileRejected("a figure shortcode has no src");
            }
            references.add(new Reference(Kind.FIGURE, figure.start(), figure.end(), src,
                    attributes.get("attr"), attributes.get("attrlink"), markdown.substring(figure.start(), figure.end()),
                    -1, -1, String.valueOf(figure.opener()), Collections.unmodifiableMap(attributes)));
        }
        references.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // a Markdown image written inside a figure's caption belongs to the figure, not to the body
        List<Reference> separate = new ArrayList<>();
        for (Reference reference : references) {
            if (separate.isEmpty() || reference.start() >= separate.get(separate.size() - 1).end()) {
                separate.add(reference);
            }
        }
        return separate;
    }

    /** {@code markdown} with each reference for which {@code newSource} gives a value pointing at that value instead. */
    static String rewrite(String markdown, List<Reference> references, Function<Reference, String> newSource) {
        return replace(markdown, references, reference -> {
            String src = newSource.apply(reference);
            return src == null ? null : reference.pointingAt(src);
        });
    }

    /** {@code markdown} with each reference for which {@code replacement} gives a text replaced by that text. */
    static String replace(String markdown, List<Reference> references, Function<Reference, String> replacement) {
        StringBuilder result = new StringBuilder(markdown.length());
        int copied = 0;
        for (Reference reference : references) {
            String text = replacement.apply(reference);
            if (text == null) {
                continue;
            }
            result.append(markdown, copied, reference.start()).append(text);
            copied = reference.end();
        }
        return result.append(markdown.substring(copied)).toString();
    }

    private static Map<String, String> attributes(String text) throws FileRejected {
        String rest = text.strip();
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(rest);
        int parsed = 0;
        while (attribute.find()) {
            String value = attribute.group(2) != null ? unescapeGo(attribute.group(2))
                    : attribute.group(3) != null ? attribute.group(3)
                    : attribute.group(4) != null ? attribute.group(4)
                    : attribute.group(5);
            attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), value);
            parsed = attribute.end();
        }
        if (!rest.substring(parsed).isBlank()) {
            throw new FileRejected("cannot read the figure shortcode near '" + rest.substring(parsed).strip() + "'");
        }
        return attributes;
    }

    /** Hugo reads a double-quoted shortcode value as a Go string: {@code \"} is a quote, {@code \\} a backslash. */
    private static String unescapeGo(String value) {
        return value.indexOf('\\') < 0 ? value : value.replaceAll("\\\\([\"\\\\])", "$1");
    }

    private static String unescapeMarkdown(String destination) {
        return destination.indexOf('\\') < 0 ? destination
                : destination.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1");
    }

    private static List<int[]> fencedCode(String markdown) {
        List<int[]> blocks = new ArrayList<>();
        String fence = null;
        int blockStart = 0;
        int lineStart = 0;
        while (lineStart < markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = markdown.length();
            }
            Matcher opening = FENCE.matcher(markdown.substring(lineStart, lineEnd));
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                blockStart = lineStart;
            } else if (fence != null && opening.find() && opening.group(1).charAt(0) == fence.charAt(0)
                    && opening.group(1).length() >= fence.length()
                    && markdown.substring(lineStart, lineEnd).strip().equals(opening.group(1).strip())) {
                blocks.add(new int[] {blockStart, lineEnd});
                fence = null;
            }
            lineStart = lineEnd + 1;
        }
        if (fence != null) {
            blocks.add(new int[] {blockStart, markdown.length()});
        }
        return blocks;
    }

    private static boolean inside(List<int[]> blocks, int position) {
        return blocks.stream().anyMatch(block -> position >= block[0] && position < block[1]);
    }
}
