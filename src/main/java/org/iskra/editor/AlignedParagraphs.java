package org.iskra.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The original and its translation side by side, block by block: a translator keeps the blocks (paragraphs,
 * headings, figures) in the original's order, so the n-th block of one is the n-th of the other. A block is what
 * Markdown separates by a blank line. Where one text has more blocks, the other's cell is empty.
 */
public record AlignedParagraphs(List<Row> rows) {

    /** One block of the original and the translation's block in the same place; either may be empty. */
    public record Row(int number, String original, String translation) {
    }

    static AlignedParagraphs of(String original, String translation) {
        List<String> left = blocks(original);
        List<String> right = blocks(translation);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            rows.add(new Row(i + 1, i < left.size() ? left.get(i) : "", i < right.size() ? right.get(i) : ""));
        }
        return new AlignedParagraphs(List.copyOf(rows));
    }

    static List<String> blocks(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        return Arrays.stream(markdown.replace("\r\n", "\n").split("\n[ \t]*\n"))
                .map(String::strip).filter(block -> !block.isEmpty()).toList();
    }
}
