package org.iskra.privacy;

import java.util.List;

/**
 * A feature that holds personal data about applicants, found by their email address. Each such feature declares
 * one as a bean (join requests in organizing, mail in the outbox), so that the export and the erasure of a data
 * subject reach everything held about them without the privacy feature knowing the others.
 */
public interface PersonalDataHolder {

    /** What this feature holds about the person with this address, sealed values opened; empty when nothing. */
    List<HeldRecord> heldAbout(String email);

    /**
     * Erases the personal data this feature holds about the person with this address, keeping the facts that do
     * not identify them, and returns how many records it erased. Runs in the caller's transaction, which also holds
     * the erasure's audit row: all of it commits, or none.
     */
    int erase(String email, Actor actor);

    /** The form every holder compares addresses in: what the applicant typed, stripped and in lower case. */
    static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
