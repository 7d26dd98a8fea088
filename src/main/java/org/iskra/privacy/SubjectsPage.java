package org.iskra.privacy;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of /admin/privacy/subjects: the search form, what was found for the address searched, and the erasure's
 * confirmation step. The address only ever travels in POST bodies, never in a URL.
 *
 * @param email    the address searched, to carry into the export and erasure forms; empty before a search
 * @param records  what is held about that address, null before a search
 * @param confirm  whether the page asks to confirm the erasure
 * @param notice   a message key for what was just done, or null
 * @param error    a message key for an address that cannot be used, or null
 */
public record SubjectsPage(PageFrame frame, String email, List<HeldRecord> records, boolean confirm, String notice,
                           String error) {

    public Messages t() {
        return frame.t();
    }

    public long count(String kind) {
        return records == null ? 0 : records.stream().filter(r -> r.kind().equals(kind)).count();
    }
}
