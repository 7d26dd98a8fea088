package org.iskra.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A body with its figures taken out before Markdown reads it: each figure shortcode becomes a line holding a
 * placeholder ({@code marker} and the figure's number), so that the renderer of HTML and the renderer of plain
 * text can each put the figure back in its own form. The marker is random per body, so no author can write one.
 *
 * @param figures in order of their numbers; the HTML renderer adds the images that stand alone in a paragraph
 */
record FigurePlaceholders(String marker, String markdown, List<FigureSpec> figures) {

    static FigurePlaceholders of(String markdown) {
        String marker = "ISKRAFIGURE" + UUID.randomUUID().toString().replace("-", "") + "N";
        List<FigureSpec> figures = new ArrayList<>();
        String prepared = FigureShortcodes.extract(markdown == null ? "" : markdown, marker, figures);
        return new FigurePlaceholders(marker, prepared, figures);
    }

    /** The placeholder {@code marker + number} for a figure added to the end of the list. */
    String add(FigureSpec figure) {
        figures.add(figure);
        return marker + (figures.size() - 1);
    }

    /** What a renderer shows for a figure; {@code position} counts the figures shown before it. */
    interface Shown {
        String of(FigureSpec figure, int position);
    }

    /** The text with each placeholder, between {@code before} and {@code after}, replaced by its figure as shown. */
    String putBack(String text, String before, String after, int extraCapacity, Shown shown) {
        StringBuilder out = new StringBuilder(text.length() + extraCapacity);
        int position = 0;
        int copied = 0;
        for (Placeholder p = next(text, before, after, 0); p != null; p = next(text, before, after, p.end())) {
            out.append(text, copied, p.start()).append(shown.of(figures.get(p.index()), position++));
            copied = p.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Where a figure's placeholder stands in a text, and which figure it is; found with indexOf, not a pattern. */
    private record Placeholder(int start, int end, int index) {
    }

    private Placeholder next(String text, String before, String after, int from) {
        String prefix = before + marker;
        for (int at = text.indexOf(prefix, from); at >= 0; at = text.indexOf(prefix, at + 1)) {
            int digits = at + prefix.length();
            int end = digits;
            while (end < text.length() && end - digits < 9 && Character.isDigit(text.charAt(end))
                    && text.charAt(end) < 128) {
                end++;
            }
            if (end > digits && end - digits < 9 && text.startsWith(after, end)) {
                return new Placeholder(at, end + after.length(), Integer.parseInt(text.substring(digits, end)));
            }
        }
        return null;
    }
}
