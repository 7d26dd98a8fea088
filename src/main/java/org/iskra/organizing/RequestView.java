package org.iskra.organizing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.site.StaffContact;
import org.springframework.web.util.UriUtils;

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
                          OffsetDateTime consentAt, OffsetDateTime confirmedAt, RequestStatus status, OffsetDateTime dueAt,
                          OffsetDateTime createdAt, Long assigneeId, String assigneeName, List<Event> timeline,
                          boolean lead, List<StaffContact> organizers, List<Section> sections,
                          OffsetDateTime erasedAt, OffsetDateTime purgeAt) {

    /**
     * The {@code mailto:} address of the applicant, each part percent-encoded (RFC 6068): an address stored before
     * the join form refused {@code ?} and {@code &} can add no recipient, subject or body to the link. Null once
     * erased.
     */
    public String mailto() {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        String domain = at < 0 ? "" : email.substring(at + 1);
        return "mailto:" + UriUtils.encode(local, StandardCharsets.UTF_8)
                + (at < 0 ? "" : "@" + UriUtils.encode(domain, StandardCharsets.UTF_8));
    }

    /** One entry of the timeline; {@code note} is an organizer's note, opened. */
    public record Event(String kind, String actorName, String detail, String note, OffsetDateTime at) {
    }
}
