package org.iskra.site;

/**
 * A staff user as other features name them: the author of an event on a timeline or of an audit row, an organizer
 * to assign a request to, a lead to write to. Never more than the name and the address.
 */
public record StaffContact(long id, String email, String displayName) {
}
