package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A join request opened for an organizer: personal data in plaintext, its timeline, and what the page offers.
 *
 * @param lead        whether the viewer may assign the request to others (a lead of its section, an administrator)
 * @param organizers  the section's organizers, to assign to (empty unless {@code lead})
 * @param sections    every section, to transfer to
 * @param purgeAt     when retention will erase its personal data, null if it keeps them
 */
public record RequestView(String publicId, Section section, String countryCode, String language, String sourcePath,
                          String name, String email, String phone, String city, String message,
                          OffsetDateTime consentAt, OffsetDateTime confirmedAt, String status, OffsetDateTime dueAt,
                          OffsetDateTime createdAt, Long assigneeId, String assigneeName, List<Event> timeline,
                          boolean lead, List<StaffMember> organizers, List<Section> sections,
                          OffsetDateTime erasedAt, OffsetDateTime purgeAt) {

    /** One entry of the timeline; {@code note} is an organizer's note, opened. */
    public record Event(String kind, String actorName, String detail, String note, OffsetDateTime at) {
    }
}
