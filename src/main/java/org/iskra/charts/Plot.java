package org.iskra.charts;

import java.util.List;

/**
 * The frame shared by column and line charts: a plot area inside the picture, the value axis on the reading
 * side's start (left, or right on a right-to-left page) and room for labels underneath.
 */
final class Plot {

    static final double START = 44;
    static final double END = 8;
    static final double TOP = 12;
    static final double BOTTOM = 30;

    private final double width;
    private final double height;
    private final Scale scale;
    private final Mirror mirror;

    Plot(double width, double height, Scale scale, boolean rightToLeft) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.mirror = new Mirror(rightToLeft, width);
    }

    Mirror mirror() {
        return mirror;
    }

    double baseline() {
        return height - BOTTOM;
    }

    double plotWidth() {
        return width - START - END;
    }

    double plotHeight() {
        return baseline() - TOP;
    }

    /** The height a value takes above the baseline. */
    double length(long value) {
        return plotHeight() * scale.fraction(value);
    }

    double y(long value) {
        return Mirror.round(baseline() - length(value));
    }

    /** Where labels under the plot sit. */
    double labelY() {
        return height - 10;
    }

    List<Tick> ticks(ChartFormats formats) {
        return scale.ticks().stream()
                .map(value -> new Tick(formats.number(value), y(value), mirror.x(START), mirror.x(width - END),
                        mirror.x(START - 6), "end"))
                .toList();
    }
}
