package org.iskra.organizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** Sections on the database under test, with the demo sections loaded as a demo installation has them. */
@IskraIntegrationTest
class SectionsTest {

    @Autowired
    Sections sections;

    @Autowired
    StaffAccounts staff;

    @Test
    void routesARequestToTheSectionCoveringTheApplicantsCountry() {
        assertThat(sections.route("BY").slug()).isEqualTo("ru");
        assertThat(sections.route("kz").slug()).isEqualTo("ru");
        assertThat(sections.route("UY").slug()).isEqualTo("ar");
        assertThat(sections.route("TN").slug()).isEqualTo("mena");
        assertThat(sections.countries(sections.route("GB"))).containsExactly("GB", "IE");
    }

    @Test
    void routesACountryNoSectionCoversAndNonsenseToTheFallback() {
        for (String country : new String[] {"US", "BR", "XX", "", null, "ru'; drop table section; --"}) {
            Section section = sections.route(country);
            assertThat(section.fallback()).as(country).isTrue();
            assertThat(section.slug()).isEqualTo("international");
            assertThat(section.responseHours()).isEqualTo(72);
        }
    }

    @Test
    void theDemoAddsItsSectionsOnceBesideTheFallback() {
        // other classes sharing this application add sections of their own: the demo's are each there once
        assertThat(sections.list()).extracting(Section::slug)
                .containsOnlyOnce("international", "ru", "ar", "gb", "mena", "ua", "am");
        assertThat(sections.list()).filteredOn(Section::fallback).hasSize(1);
        assertThat(sections.list()).filteredOn(s -> !s.fallback())
                .allSatisfy(s -> assertThat(s.contactEmail()).endsWith("@example.org"));
    }

    @Test
    void aCountryBelongsToOneSectionOnly() {
        assertThatThrownBy(() -> sections.create("ru2", "Second Russian section", "ru2@example.org", 48, List.of("RU")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(sections.list()).extracting(Section::slug).doesNotContain("ru2");
    }

    @Test
    void theOrganizersOfASectionAreTheStaffWithTheOrganizerRoleScopedToIt() {
        staff.create("org.ua.1@example.org", "Organizer one", "correct horse battery staple 1",
                List.of(new StaffRole(Role.ORGANIZER, "ua")));
        staff.create("org.ua.2@example.org", "Organizer two", "correct horse battery staple 2",
                List.of(new StaffRole(Role.ORGANIZER, "ua"), StaffRole.of(Role.EDITOR)));
        staff.create("org.am@example.org", "Armenian organizer", "correct horse battery staple 3",
                List.of(new StaffRole(Role.ORGANIZER, "am")));
        staff.create("translator.ua@example.org", "Translator", "correct horse battery staple 4",
                List.of(new StaffRole(Role.TRANSLATOR, "ua")));

        assertThat(sections.organizerEmails(sections.route("UA")))
                .containsExactly("org.ua.1@example.org", "org.ua.2@example.org");
        assertThat(sections.organizerEmails(sections.route("AM"))).containsExactly("org.am@example.org");
        assertThat(sections.organizerEmails(sections.route("US"))).isEmpty();
    }
}
