package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.iskra.site.StaffContact;

/**
 * One page of the organizer's dashboard, the number of requests per status in their sections, the sections they
 * may export, their organizers (to filter by assignee) and how quickly those sections answer.
 */
public record Dashboard(List<Line> lines, Map<RequestStatus, Long> counts, boolean more, List<Section> sections,
                        List<StaffContact> organizers, JoinFigures figures) {

    public record Line(String publicId, Section section, String countryCode, String language, String name,
                       RequestStatus status, boolean confirmed, OffsetDateTime dueAt, boolean overdue,
                       OffsetDateTime createdAt, String assigneeName,
                       OffsetDateTime purgeAt) {
    }

    /** Nothing to show: the user organizes no section, or the filters could not be read. */
    static final Dashboard EMPTY = new Dashboard(List.of(), Map.of(), false, List.of(), List.of(), null);

    public long count(RequestStatus status) {
        return counts.getOrDefault(status, 0L);
    }
}
