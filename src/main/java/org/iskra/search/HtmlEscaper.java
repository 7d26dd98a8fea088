package org.iskra.search;

import org.apache.lucene.search.highlight.Encoder;

/**
 * Escapes the text around highlighted words for HTML, and nothing more: Lucene's SimpleHTMLEncoder also turns every
 * non-ASCII letter into a numeric reference, which would bloat Russian or Arabic fragments several times over.
 */
final class HtmlEscaper implements Encoder {

    static final HtmlEscaper INSTANCE = new HtmlEscaper();

    @Override
    public String encodeText(String text) {
        return escape(text);
    }

    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
