package org.iskra.privacy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of /admin/audit. {@code error} is a message key for a filter that could not be read, or null. */
public record AuditPage(PageFrame frame, Filter filter, List<String> actions, List<AuditEntry> entries, int page,
                        boolean more, String error) {

    /** The filters as the administrator typed them, to show them again. */
    public record Filter(String actor, String action, String subject, String from, String to) {

        String query() {
            return "actor=" + encode(actor) + "&action=" + encode(action) + "&subject=" + encode(subject)
                    + "&from=" + encode(from) + "&to=" + encode(to);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    public Messages t() {
        return frame.t();
    }

    public String previousPage() {
        return page > 1 ? "/admin/audit?" + filter.query() + "&page=" + (page - 1) : null;
    }

    public String nextPage() {
        return more ? "/admin/audit?" + filter.query() + "&page=" + (page + 1) : null;
    }

    /** Date and time in the reader's language, in UTC: staff in several time zones read the same log. */
    public String time(OffsetDateTime at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(frame.language().locale()).format(at.withOffsetSameInstant(ZoneOffset.UTC)) + " UTC";
    }

    public static String isoTime(OffsetDateTime at) {
        return at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
