package org.iskra.charts;

/**
 * Left-to-right geometry turned around for a right-to-left page: time runs from the right, the value axis stands
 * on the right and bars grow leftwards, as a reader of Arabic or Persian reads a chart. Texts keep their anchors
 * ("start", "end"): the SVG takes the page's direction, in which "start" is the right edge of a right-to-left text,
 * and names in Arabic script with a code in brackets read in the right order.
 */
record Mirror(boolean rightToLeft, double width) {

    /** A point's x. */
    double x(double leftToRightX) {
        return round(rightToLeft ? width - leftToRightX : leftToRightX);
    }

    /** The left edge of a box that starts at {@code leftToRightX} when read from the left. */
    double box(double leftToRightX, double boxWidth) {
        return round(rightToLeft ? width - leftToRightX - boxWidth : leftToRightX);
    }

    /** Coordinates to a tenth of a unit: enough for a screen, short in the page. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
