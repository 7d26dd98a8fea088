package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.iskra.site.Language;

/** Date and time for organizers' pages: in their language, in UTC, since a section's organizers may be anywhere. */
public final class UtcTimes {

    private UtcTimes() {
    }

    public static String format(OffsetDateTime at, Language language) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(at.withOffsetSameInstant(ZoneOffset.UTC)) + " UTC";
    }

    public static String iso(OffsetDateTime at) {
        return at == null ? "" : at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
