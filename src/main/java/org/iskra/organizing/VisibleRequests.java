package org.iskra.organizing;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The join request an organizer asks for, if they may see it: a request of a section the user does not organize
 * is answered as if it did not exist, so guessing ids tells nothing.
 */
@Component
class VisibleRequests {

    /** A request the user may see, with its section. */
    record Visible(JoinRequestStore.Row row, Section section) {
    }

    private final JoinRequestStore store;
    private final Sections sections;

    VisibleRequests(JoinRequestStore store, Sections sections) {
        this.store = store;
        this.sections = sections;
    }

    Optional<Visible> find(String publicId, Organizer user) {
        if (publicId == null || !publicId.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return store.find(publicId).flatMap(row -> sections.find(row.sectionId())
                .filter(user::organizes)
                .map(section -> new Visible(row, section)));
    }
}
