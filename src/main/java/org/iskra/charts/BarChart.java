package org.iskra.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Bars lying across the picture, one row per category (a section, a country) with its name above the bar and its
 * number at the bar's end: names of any length fit a phone's width this way. The longest bar is the largest
 * value; the picture grows by one row per category.
 */
public record BarChart(ChartData data) {

    public static final int WIDTH = 480;
    static final double ROW = 46;
    static final double TOP = 4;
    static final double LABEL_BASELINE = 16;
    static final double BAR_TOP = 22;
    static final double BAR_HEIGHT = 16;
    /** Room after the longest bar for its number. */
    static final double NUMBER_ROOM = 64;
    static final double MIN_VISIBLE = 2;

    /** One row: the category's name, its bar and its number, in the picture's coordinates. */
    public record Bar(ChartData.Value value, String amountText, double labelX, double labelY, String labelAnchor,
                      double x, double y, double width, double height, double amountX, double amountY,
                      String amountAnchor) {
    }

    public static BarChart of(ChartData data) {
        return new BarChart(data);
    }

    public double height() {
        return TOP + ROW * data.values().size();
    }

    public List<Bar> bars() {
        Mirror mirror = new Mirror(data.rightToLeft(), WIDTH);
        long max = data.max();
        double room = WIDTH - NUMBER_ROOM;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < data.values().size(); i++) {
            ChartData.Value value = data.values().get(i);
            double top = TOP + i * ROW;
            double length = value.amount() == 0 ? 0 : Math.max(MIN_VISIBLE, room * value.amount() / max);
            bars.add(new Bar(value, data.amountText(value), mirror.x(0), Mirror.round(top + LABEL_BASELINE),
                    "start", mirror.box(0, length), Mirror.round(top + BAR_TOP), Mirror.round(length),
                    BAR_HEIGHT, mirror.x(length + 6), Mirror.round(top + BAR_TOP + BAR_HEIGHT - 3),
                    "start"));
        }
        return bars;
    }
}
