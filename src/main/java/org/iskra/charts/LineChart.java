package org.iskra.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line through a series of values at even intervals (subscribers at the end of each week), on the same frame
 * as a column chart; the first and last labels are written at the line's two ends, the others are in the table.
 */
public record LineChart(ChartData data, Scale scale) {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 220;

    /** One point of the line, in the picture's coordinates. */
    public record Point(ChartData.Value value, String amountText, double x, double y) {
    }

    /** A label at one end of the line. */
    public record EndLabel(String text, double x, String anchor) {
    }

    public static LineChart of(ChartData data) {
        return new LineChart(data, Scale.of(data.max()));
    }

    private Plot plot() {
        return new Plot(WIDTH, HEIGHT, scale, data.rightToLeft());
    }

    public List<Point> points() {
        Plot plot = plot();
        int count = data.values().size();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChartData.Value value = data.values().get(i);
            double along = count == 1 ? 0.5 : (double) i / (count - 1);
            points.add(new Point(value, data.amountText(value), plot.mirror().x(Plot.START + plot.plotWidth() * along),
                    plot.y(value.amount())));
        }
        return points;
    }

    /** The points for {@code <polyline points>}, in the C locale's digits as SVG reads them. */
    public String polyline() {
        List<String> coordinates = new ArrayList<>();
        for (Point p : points()) {
            coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        return String.join(" ", coordinates);
    }

    /** The first and last values' axis labels, under the line's start and end; none for an empty series. */
    public List<EndLabel> endLabels() {
        List<Point> points = points();
        if (points.isEmpty()) {
            return List.of();
        }
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        List<EndLabel> labels = new ArrayList<>();
        labels.add(new EndLabel(first.value().axisLabel(), first.x(), "start"));
        if (points.size() > 1) {
            labels.add(new EndLabel(last.value().axisLabel(), last.x(), "end"));
        }
        return labels.stream().filter(l -> l.text() != null).toList();
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
