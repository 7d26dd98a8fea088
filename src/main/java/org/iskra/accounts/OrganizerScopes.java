package org.iskra.accounts;

import java.util.List;

/**
 * The sections an organizer's role may be scoped to. The organizing feature owns the sections and depends on
 * accounts, so accounts asks through this interface (organizing implements it) instead of reading its table.
 */
public interface OrganizerScopes {

    /** A section as the role form names it. */
    record Scope(String slug, String name) {
    }

    /** Every section, by name. */
    List<Scope> all();
}
