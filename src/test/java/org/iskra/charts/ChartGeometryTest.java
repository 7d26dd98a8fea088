package org.iskra.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.ibm.icu.text.NumberFormat;
import org.iskra.site.Language;
import org.junit.jupiter.api.Test;

/**
 * The geometry the charts compute from their values: columns, bars and points in proportion to the values on a
 * scale that reads well, with no data, one value, one huge day, and turned around for a right-to-left page.
 */
class ChartGeometryTest {

    private static final Language ENGLISH = new Language("en");
    private static final Language ARABIC = new Language("ar");
    /** Coordinates are rounded to a tenth of a unit, and a column's height and top are rounded separately. */
    private static final double ROUNDING = 0.11;

    @Test
    void columnsAreAsTallAsTheirShareOfTheScalesTopAndStandOnTheBaseline() {
        List<Long> amounts = List.of(3L, 6L, 0L, 12L, 7L);
        ColumnChart chart = ColumnChart.of(data(amounts, ENGLISH));
        double plotHeight = chart.baseline() - Plot.TOP;

        assertThat(chart.scale().top()).isGreaterThanOrEqualTo(12);
        List<ColumnChart.Column> columns = chart.columns();
        assertThat(columns).hasSize(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            ColumnChart.Column c = columns.get(i);
            assertThat(c.height()).as("column " + i)
                    .isCloseTo(plotHeight * amounts.get(i) / chart.scale().top(), within(ROUNDING));
            assertThat(c.y() + c.height()).isCloseTo(chart.baseline(), within(ROUNDING));
            assertThat(c.width()).isCloseTo(columns.get(0).width(), within(ROUNDING));
            if (i > 0) {
                assertThat(c.x()).as("left to right, in order").isGreaterThan(columns.get(i - 1).x());
            }
        }
        double ratio = columns.get(3).height() / columns.get(1).height();
        assertThat(ratio).isCloseTo((double) amounts.get(3) / amounts.get(1), within(0.01));
    }

    @Test
    void theScaleEndsAtTheSmallestRoundNumberAtOrAboveTheLargestValueInAtMostFourSteps() {
        for (long max : LongStream.rangeClosed(0, 2_000).toArray()) {
            Scale scale = Scale.of(max);
            assertThat(scale.top()).as("top for " + max).isGreaterThanOrEqualTo(Math.max(1, max));
            assertThat(scale.top() % scale.step()).isZero();
            assertThat(scale.ticks()).hasSizeBetween(2, Scale.MAX_STEPS + 1).startsWith(0L).endsWith(scale.top());
            String step = Long.toString(scale.step());
            assertThat(step.substring(0, 1)).isIn("1", "2", "5");
            assertThat(step.substring(1)).matches("0*");
            assertThat(scale.top() - scale.step()).as("no empty step above " + max).isLessThan(Math.max(1, max));
        }
    }

    @Test
    void aChartWithNoDataHasAnAxisFromZeroToOneAndNothingStandingOnIt() {
        ColumnChart zeros = ColumnChart.of(data(List.of(0L, 0L, 0L), ENGLISH));
        assertThat(zeros.scale().ticks()).containsExactly(0L, 1L);
        assertThat(zeros.columns()).extracting(ColumnChart.Column::height).containsOnly(0.0);
        assertThat(zeros.ticks()).extracting(Tick::text).containsExactly(number(0, ENGLISH), number(1, ENGLISH));

        ColumnChart empty = ColumnChart.of(data(List.of(), ENGLISH));
        assertThat(empty.columns()).isEmpty();
        assertThat(empty.ticks()).hasSize(2);
        assertThat(LineChart.of(data(List.of(), ENGLISH)).polyline()).isEmpty();
        assertThat(LineChart.of(data(List.of(), ENGLISH)).endLabels()).isEmpty();
        assertThat(BarChart.of(data(List.of(), ENGLISH)).bars()).isEmpty();
    }

    @Test
    void oneValueStandsInTheMiddleOfThePlotAndReachesTheTopOfItsScale() {
        ColumnChart one = ColumnChart.of(data(List.of(5L), ENGLISH));
        ColumnChart.Column column = one.columns().get(0);
        double plotWidth = ColumnChart.WIDTH - Plot.START - Plot.END;
        assertThat(column.labelX()).isCloseTo(Plot.START + plotWidth / 2, within(ROUNDING));
        assertThat(column.x() + column.width() / 2).isCloseTo(column.labelX(), within(ROUNDING));
        assertThat(column.height()).isCloseTo((one.baseline() - Plot.TOP) * 5 / one.scale().top(), within(ROUNDING));

        LineChart line = LineChart.of(data(List.of(5L), ENGLISH));
        assertThat(line.points().get(0).x()).isCloseTo(Plot.START + plotWidth / 2, within(ROUNDING));
        assertThat(line.endLabels()).hasSize(1);
    }

    @Test
    void oneHugeDaySetsTheScaleAndTheQuietDaysStayVisibleInProportionBelowIt() {
        List<Long> amounts = List.of(1L, 2L, 5_000L, 0L, 3L);
        ColumnChart chart = ColumnChart.of(data(amounts, ENGLISH));
        double plotHeight = chart.baseline() - Plot.TOP;
        List<ColumnChart.Column> columns = chart.columns();

        assertThat(chart.scale().top()).isGreaterThanOrEqualTo(5_000).isLessThan(5_000L * 2);
        assertThat(columns.get(2).height()).isCloseTo(plotHeight * 5_000 / chart.scale().top(), within(ROUNDING));
        for (int i : new int[] {0, 1, 4}) {
            assertThat(columns.get(i).height()).as("a quiet day is still drawn")
                    .isEqualTo(Math.max(ColumnChart.MIN_VISIBLE, plotHeight * amounts.get(i) / chart.scale().top()));
        }
        assertThat(columns.get(3).height()).isZero();
        assertThat(chart.ticks()).extracting(Tick::text).contains(number(chart.scale().top(), ENGLISH));
    }

    @Test
    void onARightToLeftPageTheColumnsTheAxisAndTheLineAreMirroredAndTheirTextsReadFromTheRight() {
        List<Long> amounts = List.of(4L, 9L, 1L, 0L);
        ColumnChart ltr = ColumnChart.of(data(amounts, ENGLISH));
        ColumnChart rtl = ColumnChart.of(data(amounts, ARABIC));
        for (int i = 0; i < amounts.size(); i++) {
            ColumnChart.Column left = ltr.columns().get(i);
            ColumnChart.Column right = rtl.columns().get(i);
            assertThat(right.x()).isCloseTo(ColumnChart.WIDTH - left.x() - left.width(), within(ROUNDING));
            assertThat(right.labelX()).isCloseTo(ColumnChart.WIDTH - left.labelX(), within(ROUNDING));
            assertThat(right.height()).isEqualTo(left.height());
        }
        assertThat(rtl.columns().get(0).x()).as("the first day on the right").isGreaterThan(rtl.columns().get(1).x());
        for (int i = 0; i < ltr.ticks().size(); i++) {
            Tick left = ltr.ticks().get(i);
            Tick right = rtl.ticks().get(i);
            assertThat(right.textX()).isCloseTo(ColumnChart.WIDTH - left.textX(), within(ROUNDING));
            assertThat(right.anchor()).as("the same anchor, read in the page's direction").isEqualTo(left.anchor());
            assertThat(right.text()).isEqualTo(number(rtl.scale().ticks().get(i), ARABIC));
        }

        LineChart lineLtr = LineChart.of(data(amounts, ENGLISH));
        LineChart lineRtl = LineChart.of(data(amounts, ARABIC));
        for (int i = 0; i < amounts.size(); i++) {
            assertThat(lineRtl.points().get(i).x()).isCloseTo(LineChart.WIDTH - lineLtr.points().get(i).x(), within(ROUNDING));
            assertThat(lineRtl.points().get(i).y()).isEqualTo(lineLtr.points().get(i).y());
        }
        assertThat(lineRtl.endLabels()).extracting(LineChart.EndLabel::anchor)
                .containsExactlyElementsOf(lineLtr.endLabels().stream().map(LineChart.EndLabel::anchor).toList());
        assertThat(lineRtl.endLabels().get(0).x()).as("the first label on the right").isGreaterThan(lineRtl.endLabels().get(1).x());
        assertThat(rtl.data().dir()).isEqualTo("rtl");
        assertThat(ltr.data().dir()).isEqualTo("ltr");
    }

    @Test
    void aLineRunsThroughEvenlySpacedPointsAtTheirValuesHeight() {
        List<Long> amounts = List.of(10L, 12L, 12L, 30L, 28L, 41L);
        LineChart chart = LineChart.of(data(amounts, ENGLISH));
        double plotHeight = chart.baseline() - Plot.TOP;
        List<LineChart.Point> points = chart.points();
        double spacing = points.get(1).x() - points.get(0).x();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            LineChart.Point p = points.get(i);
            assertThat(p.x() - points.get(0).x()).isCloseTo(spacing * i, within(ROUNDING * 2));
            assertThat(chart.baseline() - p.y()).isCloseTo(plotHeight * amounts.get(i) / chart.scale().top(), within(ROUNDING));
            expected.add(String.format(java.util.Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        assertThat(points.get(amounts.size() - 1).x()).isCloseTo(LineChart.WIDTH - Plot.END, within(ROUNDING));
        assertThat(chart.polyline()).isEqualTo(String.join(" ", expected));
    }

    @Test
    void barsAreAsLongAsTheirShareOfTheLargestValueAndGrowFromTheReadingSidesStart() {
        List<Long> amounts = List.of(8L, 2L, 5L);
        BarChart ltr = BarChart.of(data(amounts, ENGLISH));
        BarChart rtl = BarChart.of(data(amounts, ARABIC));
        double longest = BarChart.WIDTH - BarChart.NUMBER_ROOM;
        assertThat(ltr.height()).isEqualTo(BarChart.TOP + BarChart.ROW * amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            BarChart.Bar left = ltr.bars().get(i);
            BarChart.Bar right = rtl.bars().get(i);
            assertThat(left.width()).isCloseTo(longest * amounts.get(i) / 8, within(ROUNDING));
            assertThat(left.x()).isZero();
            assertThat(right.width()).isEqualTo(left.width());
            assertThat(right.x() + right.width()).isCloseTo(BarChart.WIDTH, within(ROUNDING));
            assertThat(right.amountX()).isCloseTo(BarChart.WIDTH - left.amountX(), within(ROUNDING));
            assertThat(right.labelX()).isCloseTo(BarChart.WIDTH - left.labelX(), within(ROUNDING));
            assertThat(right.labelAnchor()).isEqualTo(left.labelAnchor());
            assertThat(right.amountText()).isEqualTo(number(amounts.get(i), ARABIC));
            if (i > 0) {
                assertThat(left.y()).as("one row each").isGreaterThan(ltr.bars().get(i - 1).y());
            }
        }
    }

    @Test
    void amountsAreWrittenAsTheReaderWritesNumbers() {
        long amount = 1_234_567;
        for (String code : new String[] {"en", "ru", "de", "ar", "fa"}) {
            Language language = new Language(code);
            ChartData data = data(List.of(amount), language);
            assertThat(data.amountText(data.values().get(0))).isEqualTo(number(amount, language));
        }
    }

    private static ChartData data(List<Long> amounts, Language language) {
        ChartFormats formats = ChartFormats.in(language);
        List<ChartData.Value> values = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            values.add(new ChartData.Value("value " + i, Integer.toString(i), null, amounts.get(i)));
        }
        return new ChartData("test-chart", "A chart", "What", "How many", values, formats);
    }

    private static String number(long value, Language language) {
        return NumberFormat.getIntegerInstance(language.uLocale()).format(value);
    }
}
