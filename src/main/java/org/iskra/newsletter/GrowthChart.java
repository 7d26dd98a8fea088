package org.iskra.newsletter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Confirmed subscribers at the end of each week, as an SVG line drawn on the server (no script, no library): the
 * page shows it with a text alternative and the same numbers in a table beside it.
 */
public record GrowthChart(List<Point> points, long max) {

    /** Subscribers at the end of the week that ends on {@code day}. */
    public record Point(LocalDate day, long subscribers) {
    }

    public static final int WIDTH = 600;
    public static final int HEIGHT = 200;
    private static final int LEFT = 48;
    private static final int BOTTOM = 24;
    private static final int TOP = 12;

    static GrowthChart of(List<Point> points) {
        long max = points.stream().mapToLong(Point::subscribers).max().orElse(0);
        return new GrowthChart(List.copyOf(points), max);
    }

    /** The y axis' top: the smallest of 10, 20, 50, 100, 200 … at or above the largest value, for readable labels. */
    public long top() {
        long top = 10;
        while (top < max) {
            String digits = Long.toString(top);
            top = digits.charAt(0) == '2' ? top / 2 * 5 : top * 2;
        }
        return top;
    }

    /** The polyline's points, in the viewBox's coordinates. */
    public String line() {
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i), y(points.get(i).subscribers())));
        }
        return String.join(" ", coordinates);
    }

    public double x(int index) {
        int span = Math.max(1, points.size() - 1);
        return LEFT + (WIDTH - LEFT - 8) * (double) index / span;
    }

    public double y(long value) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (double) value / Math.max(1, top()));
    }

    /** The values at which horizontal grid lines are drawn: 0, half and the top. */
    public List<Long> grid() {
        long top = top();
        return List.of(0L, top / 2, top);
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    public Point first() {
        return points.get(0);
    }

    public Point last() {
        return points.get(points.size() - 1);
    }
}
