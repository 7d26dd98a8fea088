package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of /admin/join/{publicId}. {@code notice} confirms the change just made and {@code error} names a
 * refused one (message keys, or null).
 */
public record RequestPage(PageFrame frame, RequestView request, List<RequestStatus> statuses, String countryName,
                          long viewerId, String notice, String error) {

    public Messages t() {
        return frame.t();
    }

    public String time(OffsetDateTime at) {
        return UtcTimes.format(at, frame.language());
    }

    public String action(String name) {
        return "/admin/join/" + request.publicId() + "/" + name;
    }

    public boolean assignedToViewer() {
        return request.assigneeId() != null && request.assigneeId() == viewerId;
    }
}
