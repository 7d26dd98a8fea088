package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One page of the organizer's dashboard, the number of requests per status in their sections, the sections they
 * may export, their organizers (to filter by assignee) and how quickly those sections answer.
 */
public record Dashboard(List<Line> lines, Map<String, Long> counts, boolean more, List<Section> sections,
                        List<StaffMember> organizers, JoinFigures figures) {

    public record Line(String publicId, Section section, String countryCode, String language, String name,
                       String status, boolean confirmed, OffsetDateTime dueAt, boolean overdue,
                       OffsetDateTime createdAt, String assigneeName,
                       OffsetDateTime purgeAt) {
    }

    public long count(String status) {
        return counts.getOrDefault(status, 0L);
    }
}
