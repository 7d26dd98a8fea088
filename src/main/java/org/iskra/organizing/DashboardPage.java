package org.iskra.organizing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of /admin/join. The filters are shown as given; {@code error} is the message key of one that could
 * not be read, or null.
 */
public record DashboardPage(PageFrame frame, Dashboard dashboard, List<String> statuses, String status,
                            String assignee, String country, String confirmed, int page, String error) {

    public Messages t() {
        return frame.t();
    }

    public String time(java.time.OffsetDateTime at) {
        return Times.format(at, frame.language());
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
