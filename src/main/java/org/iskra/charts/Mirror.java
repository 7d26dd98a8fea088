package org.iskra.charts;

/**
 * Left-to-right geometry turned around for a right-to-left page: time runs from the right, the value axis stands
 * on the right and bars grow leftwards, as a reader of Arabic or Persian reads a chart. The SVG keeps
 * {@code direction="ltr"} so that a text's anchor means the same edge in both.
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

    /** "start", "end" or "middle" of a text, as drawn left to right. */
    String anchor(String leftToRight) {
        if (!rightToLeft || leftToRight.equals("middle")) {
            return leftToRight;
        }
        return leftToRight.equals("start") ? "end" : "start";
    }

    /** Coordinates to a tenth of a unit: enough for a screen, short in the page. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
