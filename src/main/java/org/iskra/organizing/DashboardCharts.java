package org.iskra.organizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ibm.icu.util.ULocale;
import org.iskra.charts.BarChart;
import org.iskra.charts.ChartData;
import org.iskra.charts.ChartFormats;
import org.iskra.charts.ColumnChart;
import org.iskra.site.Messages;

/**
 * The dashboard's figures as charts in the reader's language: requests per day, time to first contact, overdue
 * requests by section (when the reader sees more than one) and by country. Labels come from the messages, numbers
 * and dates from {@link ChartFormats}, country names from ICU: organizing keeps no taxonomy of its own.
 */
public record DashboardCharts(JoinFigures figures, List<Section> sections, Messages t) {

    private static final List<String> CONTACT_RANGES = List.of("under-1h", "1h-6h", "6h-24h", "1d-3d", "3d-7d",
            "over-7d");

    private ChartFormats formats() {
        return ChartFormats.in(t.interfaceLanguage());
    }

    public ColumnChart perDay() {
        ChartFormats formats = formats();
        List<ChartData.Value> values = figures.perDay().stream()
                .map(d -> new ChartData.Value(formats.date(d.day()), formats.dayOfMonth(d.day()), d.day().toString(),
                        d.requests()))
                .toList();
        return ColumnChart.of(new ChartData("per-day", t.get("organizing.metrics.per-day"),
                t.get("organizing.metrics.day"), t.get("organizing.metrics.requests"), values, formats));
    }

    /** Under each column the range in hours ("<1", "1–6" … ">168"); the table names each range in words. */
    public ColumnChart contact() {
        ChartFormats formats = formats();
        List<Integer> limits = JoinFigures.CONTACT_LIMITS;
        List<ChartData.Value> values = new ArrayList<>();
        for (int i = 0; i < figures.contactedWithin().size(); i++) {
            String axis = i == 0 ? "<" + formats.number(limits.get(0))
                    : i == limits.size() ? ">" + formats.number(limits.get(i - 1))
                    : formats.number(limits.get(i - 1)) + "–" + formats.number(limits.get(i));
            values.add(new ChartData.Value(t.get("organizing.chart.contact." + CONTACT_RANGES.get(i)), axis, null,
                    figures.contactedWithin().get(i)));
        }
        return ColumnChart.of(new ChartData("contact", t.get("organizing.chart.contact"),
                t.get("organizing.chart.contact.range"), t.get("organizing.metrics.requests"), values, formats));
    }

    /** Null when the reader sees one section only: its bar would repeat the count of overdue requests. */
    public BarChart overdueBySection() {
        if (sections.size() < 2) {
            return null;
        }
        Map<String, String> names = sections.stream()
                .collect(Collectors.toMap(s -> Long.toString(s.id()), Section::name));
        return bars("overdue-section", "organizing.chart.overdue-section", "organizing.field.section",
                figures.overdueBySection(), key -> names.getOrDefault(key, key));
    }

    public BarChart overdueByCountry() {
        ULocale reader = t.interfaceLanguage().uLocale();
        return bars("overdue-country", "organizing.chart.overdue-country", "organizing.field.country",
                figures.overdueByCountry(), code -> {
                    String name = new ULocale("", code).getDisplayCountry(reader);
                    return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
                });
    }

    public boolean anyOverdue() {
        return figures.overdue() > 0;
    }

    private BarChart bars(String id, String titleKey, String categoryKey, List<JoinFigures.Tally> tallies,
                          Function<String, String> name) {
        ChartFormats formats = formats();
        List<ChartData.Value> values = tallies.stream()
                .map(tally -> new ChartData.Value(name.apply(tally.key()), null, null, tally.count()))
                .toList();
        return BarChart.of(new ChartData(id, t.get(titleKey), t.get(categoryKey), t.get("organizing.chart.overdue"),
                values, formats));
    }
}
