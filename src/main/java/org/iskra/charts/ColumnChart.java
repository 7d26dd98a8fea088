package org.iskra.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns standing on a value axis, one per value in order: requests per day, or counts per range of a
 * distribution. Each column's height is its value's share of the scale's top; a value above zero is never drawn
 * thinner than {@link #MIN_VISIBLE}, so one huge day leaves the quiet ones visible (their numbers are in the
 * table).
 */
public record ColumnChart(ChartData data, Scale scale) {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 220;
    static final double MIN_VISIBLE = 2;
    /** The share of each column's slot that the column fills; the rest is the gap between columns. */
    static final double FILL = 0.7;

    /** One column: its box in the picture's coordinates and where its label is written under it. */
    public record Column(ChartData.Value value, String amountText, double x, double y, double width, double height,
                         double labelX) {
    }

    public static ColumnChart of(ChartData data) {
        return new ColumnChart(data, Scale.of(data.max()));
    }

    private Plot plot() {
        return new Plot(WIDTH, HEIGHT, scale, data.rightToLeft());
    }

    public List<Column> columns() {
        Plot plot = plot();
        int count = data.values().size();
        double slot = plot.plotWidth() / Math.max(1, count);
        double columnWidth = slot * FILL;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChartData.Value value = data.values().get(i);
            double left = Plot.START + i * slot + (slot - columnWidth) / 2;
            double height = value.amount() == 0 ? 0 : Math.max(MIN_VISIBLE, plot.length(value.amount()));
            columns.add(new Column(value, data.amountText(value), plot.mirror().box(left, columnWidth),
                    Mirror.round(plot.baseline() - height), Mirror.round(columnWidth), Mirror.round(height),
                    plot.mirror().x(left + columnWidth / 2)));
        }
        return columns;
    }

    public List<Tick> ticks() {
        return plot().ticks(data.formats());
    }

    public double baseline() {
        return plot().baseline();
    }

    public double labelY() {
        return plot().labelY();
    }
}
