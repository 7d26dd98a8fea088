package org.iskra.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Writes the unified highlighter's passages as HTML: the text escaped, each match in {@code <mark>}, passages joined
 * by an ellipsis, and an ellipsis where a passage starts or ends inside the text. Nothing else becomes markup.
 */
final class MarkedPassages extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder html = new StringBuilder();
        int previousEnd = -1;
        for (Passage passage : passages) {
            int start = skipSpace(content, passage.getStartOffset(), passage.getEndOffset());
            int end = trimSpace(content, start, passage.getEndOffset());
            if (start >= end) {
                continue;
            }
            if (previousEnd < 0 ? start > 0 : start > previousEnd) {
                html.append(html.isEmpty() ? ELLIPSIS + " " : " " + ELLIPSIS + " ");
            } else if (!html.isEmpty()) {
                html.append(' ');
            }
            int at = start;
            for (int m = 0; m < passage.getNumMatches(); m++) {
                int matchStart = Math.max(passage.getMatchStarts()[m], at);
                int matchEnd = Math.min(passage.getMatchEnds()[m], end);
                if (matchEnd <= matchStart) {
                    continue;
                }
                html.append(HtmlEscaper.escape(content.substring(at, matchStart)))
                        .append("<mark>").append(HtmlEscaper.escape(content.substring(matchStart, matchEnd))).append("</mark>");
                at = matchEnd;
            }
            html.append(HtmlEscaper.escape(content.substring(at, end)));
            previousEnd = passage.getEndOffset();
        }
        if (previousEnd >= 0 && trimSpace(content, previousEnd, content.length()) > previousEnd) {
            html.append(' ').append(ELLIPSIS);
        }
        return html.toString();
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimSpace(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
