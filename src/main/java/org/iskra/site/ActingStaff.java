package org.iskra.site;

/**
 * The logged-in staff member a back-office request acts for, and the address it came from: what an audit row
 * records. A handler declares an {@code ActingStaff} parameter and gets it from {@link PageArguments}; a login
 * without a staff account behind it (removed meanwhile) gets a 404, as when it asked {@link StaffDirectory} itself.
 *
 * @param id            the staff user's id
 * @param email         the email they logged in with
 * @param clientAddress the client address of the request
 */
public record ActingStaff(long id, String email, String clientAddress) {
}
