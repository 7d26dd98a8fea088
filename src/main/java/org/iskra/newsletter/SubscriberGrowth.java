package org.iskra.newsletter;

import java.time.LocalDate;
import java.util.List;

import org.iskra.charts.ChartData;
import org.iskra.charts.ChartFormats;
import org.iskra.charts.LineChart;
import org.iskra.site.Messages;

/**
 * Confirmed subscribers at the end of each week, oldest first: the staff page draws it as a line (see
 * {@link org.iskra.charts}) with the same numbers in a table beside it.
 */
public record SubscriberGrowth(List<Point> points) {

    /** Subscribers at the end of the week that ends on {@code day}. */
    public record Point(LocalDate day, long subscribers) {
    }

    public SubscriberGrowth {
        points = List.copyOf(points);
    }

    /** The line in the reader's language: dates under its two ends, every week in the table. */
    public LineChart chart(Messages t) {
        ChartFormats formats = ChartFormats.in(t.interfaceLanguage());
        List<ChartData.Value> values = points.stream()
                .map(p -> new ChartData.Value(formats.date(p.day()), formats.dayAndMonth(p.day()), p.day().toString(),
                        p.subscribers()))
                .toList();
        return LineChart.of(new ChartData("growth", t.get("newsletter.admin.growth.table"),
                t.get("newsletter.admin.week"), t.get("newsletter.admin.subscribers"), values, formats));
    }
}
