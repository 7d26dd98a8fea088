package org.iskra.organizing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of /admin/join. The filters are shown as given; {@code notice} confirms a transfer and {@code error}
 * names a filter that could not be read (message keys, or null). The frame's CSRF field is for the export, a POST:
 * a section's whole list is never one link away.
 */
public record DashboardPage(PageFrame frame, Dashboard dashboard, List<RequestStatus> statuses, String status,
                            String assignee, String country, String confirmed, int page, String notice,
                            String error) {

    public Messages t() {
        return frame.t();
    }

    /** The dashboard's charts, or null when there are no figures to draw (no section, or a filter not read). */
    public DashboardCharts charts() {
        return dashboard.figures() == null ? null : new DashboardCharts(dashboard.figures(), dashboard.sections(), t());
    }

    public String time(OffsetDateTime at) {
        return UtcTimes.format(at, frame.language());
    }

    /** Hours to one decimal, in the reader's language. */
    public String hours(Double value) {
        return value == null ? "–" : frame.t().get("organizing.metrics.hours", Math.round(value * 10) / 10.0);
    }

    public String previousPage() {
        return page > 1 ? "/admin/join?" + query() + "&page=" + (page - 1) : null;
    }

    public String nextPage() {
        return dashboard.more() ? "/admin/join?" + query() + "&page=" + (page + 1) : null;
    }

    private String query() {
        return "status=" + encode(status) + "&assignee=" + encode(assignee) + "&country=" + encode(country)
                + "&confirmed=" + encode(confirmed);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
