package org.iskra.charts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import org.iskra.site.Language;

/**
 * Numbers and dates on a chart as a reader of its language writes them, with ICU's data like the interface
 * messages, so the axis, the table and the text around them agree. Formats are not thread-safe: one per chart.
 */
public final class ChartFormats {

    private final Language language;
    private final NumberFormat numbers;

    private ChartFormats(Language language) {
        this.language = language;
        this.numbers = NumberFormat.getIntegerInstance(language.uLocale());
    }

    public static ChartFormats in(Language language) {
        return new ChartFormats(language);
    }

    public Language language() {
        return language;
    }

    public String number(long value) {
        return numbers.format(value);
    }

    /** A full date for a table ("7 Dec 2026", "7 дек. 2026 г."). */
    public String date(LocalDate day) {
        return format("yMMMd", day);
    }

    /** The day of the month alone, under a column of a series of days. */
    public String dayOfMonth(LocalDate day) {
        return format("d", day);
    }

    /** Day and month, at either end of a series of weeks. */
    public String dayAndMonth(LocalDate day) {
        return format("MMMd", day);
    }

    private String format(String skeleton, LocalDate day) {
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, language.uLocale());
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
}
