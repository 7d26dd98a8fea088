package org.iskra.charts;

import java.util.List;

/**
 * What one chart shows, in the reader's words: its title (the visible heading that names the picture), the headers
 * of its table's two columns, and the values in the order they are drawn (in time order for a series).
 *
 * @param id a fixed name from the code ({@code per-day}), the start of the ids in the page; never user text
 */
public record ChartData(String id, String title, String categoryHeader, String valueHeader, List<Value> values,
                        ChartFormats formats) {

    /**
     * One value: its label in the table, the shorter label under its column (null: none drawn), the machine
     * form of a date for {@code <time datetime>} (null when the label is no date), and the amount.
     */
    public record Value(String label, String axisLabel, String datetime, long amount) {

        public Value {
            if (amount < 0) {
                throw new IllegalArgumentException("a chart counts, so its amounts are never negative: " + amount);
            }
        }
    }

    public ChartData {
        if (!id.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("a chart's id is a fixed name from the code: " + id);
        }
        values = List.copyOf(values);
    }

    public String headingId() {
        return id + "-heading";
    }

    public long max() {
        return values.stream().mapToLong(Value::amount).max().orElse(0);
    }

    public long total() {
        return values.stream().mapToLong(Value::amount).sum();
    }

    /** The amount as the reader writes numbers ("1,234", "1 234", "١٬٢٣٤"). */
    public String amountText(Value value) {
        return formats.number(value.amount());
    }

    /** The picture's direction, the page's: its texts read, and their anchors count, in the reader's direction. */
    public String dir() {
        return formats.language().dir();
    }

    public boolean rightToLeft() {
        return formats.language().rightToLeft();
    }
}
