package org.iskra.organizing;

/** A staff user as the sections' pages name them: an organizer, a lead. */
public record StaffMember(long id, String email, String displayName) {
}
