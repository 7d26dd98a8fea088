package org.iskra.importing;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Running text in HTML (inside a paragraph, a heading, a table cell) as Markdown: emphasis, code, links, line
 * breaks, and the characters Markdown would read as markup escaped. {@link HtmlToMarkdown} does the blocks around it.
 */
final class InlineMarkdown {

    private InlineMarkdown() {
    }

    static String of(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child : element.childNodes()) {
            append(child, text);
        }
        return text.toString();
    }

    /** Text only, for captions: no Markdown. */
    static String text(Element element) {
        return element.text().strip();
    }

    /** Appends a node of running text, as Markdown. */
    static void append(Node node, StringBuilder text) {
        if (node instanceof TextNode t) {
            text.append(escape(t.text()));
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        switch (element.normalName()) {
            case "strong", "b" -> wrap(element, text, "**");
            case "em", "i", "cite" -> wrap(element, text, "*");
            case "del", "s", "strike" -> wrap(element, text, "~~");
            case "code", "kbd", "samp" -> {
                String code = element.text();
                String ticks = code.contains("`") ? "``" : "`";
                text.append(ticks).append(code).append(ticks);
            }
            case "br" -> text.append("\\\n");
            case "a" -> {
                String href = element.attr("href").strip();
                String label = of(element).strip();
                if (label.isEmpty()) {
                    return;
                }
                if (href.isEmpty() || href.toLowerCase(Locale.ROOT).startsWith("javascript:") || href.startsWith("#")) {
                    text.append(label);
                } else {
                    text.append('[').append(label).append("](").append(href.replace(" ", "%20").replace(")", "%29")).append(')');
                }
            }
            case "img" -> text.append(escape(element.attr("alt")));
            case "sup", "sub" -> text.append('<').append(element.normalName()).append('>')
                    .append(escape(element.text())).append("</").append(element.normalName()).append('>');
            case "script", "style", "noscript", "template", "svg", "button", "input", "select", "textarea" -> {
            }
            default -> {
                for (Node child : element.childNodes()) {
                    append(child, text);
                }
            }
        }
    }

    private static void wrap(Element element, StringBuilder text, String mark) {
        String inner = of(element);
        if (inner.isBlank()) {
            text.append(inner);
            return;
        }
        // emphasis must hug its words: "** x **" is no emphasis in Markdown
        String leading = inner.substring(0, inner.length() - inner.stripLeading().length());
        String trailing = inner.substring(inner.stripTrailing().length());
        text.append(leading).append(mark).append(inner.strip()).append(mark).append(trailing);
    }

    /** Characters Markdown would read as markup, escaped so the text reads as written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString().replace("{{", "{\\{");
    }
}
