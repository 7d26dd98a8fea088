package org.iskra.charts;

/** A grid line across the plot at one value of the axis, with that value written beside it. */
public record Tick(String text, double y, double x1, double x2, double textX, String anchor) {
}
