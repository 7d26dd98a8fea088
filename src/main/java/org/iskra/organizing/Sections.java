package org.iskra.organizing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sections of the organization: which one a request from a country goes to, and who organizes it. */
@Service
public class Sections {

    private final SectionStore store;
    private final StaffAccounts staff;

    Sections(SectionStore store, StaffAccounts staff) {
        this.store = store;
        this.staff = staff;
    }

    /** The section covering this ISO 3166 alpha-2 country, else the fallback: every request has a section. */
    public Section route(String countryCode) {
        if (countryCode != null && countryCode.matches("[A-Za-z]{2}")) {
            Optional<Section> covering = store.covering(countryCode.toUpperCase(Locale.ROOT));
            if (covering.isPresent()) {
                return covering.get();
            }
        }
        return store.fallback();
    }

    public List<Section> list() {
        return store.all();
    }

    public Optional<Section> find(long id) {
        return store.find(id);
    }

    public List<String> countries(Section section) {
        return store.countries(section.id());
    }

    /** The addresses of the section's organizers: enabled staff users holding ORGANIZER scoped to its slug. */
    public List<String> organizerEmails(Section section) {
        return staff.emailsWithRole(Role.ORGANIZER, section.slug());
    }

    /** Adds a section covering these countries; a country already covered by another section is refused. */
    @Transactional
    public Section create(String slug, String name, String contactEmail, int responseHours, List<String> countries) {
        long id = store.insert(slug, name, contactEmail, responseHours);
        countries.forEach(code -> store.cover(id, code.toUpperCase(Locale.ROOT)));
        return store.find(id).orElseThrow();
    }

    boolean onlyTheFallbackExists() {
        return store.count() <= 1;
    }
}
