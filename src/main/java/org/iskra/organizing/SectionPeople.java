package org.iskra.organizing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.site.StaffContact;
import org.springframework.stereotype.Component;

/**
 * The staff users around a section: its organizers (an accounts role scoped to the section), its leads (organizing's
 * own list of ids) and the names of whoever acted on a request. The accounts feature owns the staff tables, so
 * every name and address comes through its public API.
 */
@Component
class SectionPeople {

    private final StaffAccounts staff;
    private final SectionStore sections;

    SectionPeople(StaffAccounts staff, SectionStore sections) {
        this.staff = staff;
        this.sections = sections;
    }

    /** Enabled staff users organizing the section, by name. */
    List<StaffContact> organizers(Section section) {
        return staff.holders(Role.ORGANIZER, section.slug());
    }

    /** The section's leads whose accounts are enabled, by name. */
    List<StaffContact> leads(Section section) {
        return staff.enabled(sections.leadIds(section.id()));
    }

    /** Whether the user may assign the section's requests to others: its leads and the administrators. */
    boolean mayAssignOthers(Organizer user, Section section) {
        return user.administrator() || sections.leads(section.id(), user.id());
    }

    /** An enabled staff user, to write to. */
    Optional<StaffContact> enabled(long userId) {
        return staff.enabled(List.of(userId)).stream().findFirst();
    }

    /** The display names of these staff users, disabled ones too, by id; null ids are left out. */
    Map<Long, String> names(Set<Long> ids) {
        Set<Long> known = ids.stream().filter(id -> id != null).collect(Collectors.toSet());
        return staff.contacts(known).values().stream()
                .collect(Collectors.toMap(StaffContact::id, StaffContact::displayName));
    }
}
