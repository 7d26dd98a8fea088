package org.iskra.organizing;

import java.util.List;
import java.util.Optional;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.accounts.StaffUser;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.site.Languages;
import org.iskra.site.StaffContact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators shaping the sections: settings and countries, organizers and leads, reply templates. Who may
 * read applicants' personal data follows from these changes, so each is audited.
 */
@Service
class SectionAdmin {

    /** A section with everything its page shows. */
    record Details(Section section, List<String> countries, List<StaffContact> organizers, List<Long> leadIds,
                   List<ReplyTemplate> replies) {
    }

    private final SectionStore store;
    private final SectionPeople people;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final Languages languages;

    SectionAdmin(SectionStore store, SectionPeople people, StaffAccounts staff, AuditLog audit, Languages languages) {
        this.store = store;
        this.people = people;
        this.staff = staff;
        this.audit = audit;
        this.languages = languages;
    }

    List<Section> all() {
        return store.all();
    }

    RetentionDays retention(long sectionId) {
        return store.retention(sectionId);
    }

    List<String> countries(long sectionId) {
        return store.countries(sectionId);
    }

    Optional<Details> details(long id) {
        return store.find(id).map(section -> new Details(section, store.countries(id), people.organizers(section),
                store.leadIds(id), store.replies(id)));
    }

    /** Creates the section; an error key when the slug is taken or a country belongs to another section. */
    @Transactional
    public Optional<String> create(SectionForm form, Actor actor) {
        if (store.bySlug(form.slug()).isPresent()) {
            return Optional.of("organizing.sections.error.slug-taken");
        }
        SectionForm.Settings settings = form.settings();
        Optional<String> taken = countryTaken(settings.countries(), -1);
        if (taken.isPresent()) {
            return taken;
        }
        long id = store.insert(form.slug(), settings.name(), settings.contactEmail(), settings.responseHours());
        store.retain(id, settings.retention());
        settings.countries().forEach(code -> store.cover(id, code));
        audit.record(actor, "section.create", "section", form.slug(), form.slug(), "countries=" + settings.countries().size());
        return Optional.empty();
    }

    @Transactional
    public Optional<String> update(Section section, SectionForm form, Actor actor) {
        SectionForm.Settings settings = form.settings();
        Optional<String> taken = countryTaken(settings.countries(), section.id());
        if (taken.isPresent()) {
            return taken;
        }
        store.update(section.id(), settings.name(), settings.contactEmail(), settings.responseHours());
        store.retain(section.id(), settings.retention());
        store.uncoverAll(section.id());
        settings.countries().forEach(code -> store.cover(section.id(), code));
        audit.record(actor, "section.update", "section", section.slug(), section.slug(),
                "hours=" + settings.responseHours() + " countries=" + String.join(",", settings.countries())
                        + " retention=" + settings.retention().closed() + "/" + settings.retention().unconfirmed());
        return Optional.empty();
    }

    @Transactional
    public Optional<String> addOrganizer(Section section, String email, Actor actor) {
        Optional<StaffUser> user = email == null || email.isBlank() ? Optional.empty() : staff.find(email);
        if (user.isEmpty() || !user.get().enabled()) {
            return Optional.of("organizing.sections.error.no-such-staff");
        }
        staff.grant(user.get().id(), new StaffRole(Role.ORGANIZER, section.slug()));
        audit.record(actor, "section.organizer.add", "staff_user", String.valueOf(user.get().id()), section.slug(), null);
        return Optional.empty();
    }

    @Transactional
    public void removeOrganizer(Section section, long userId, Actor actor) {
        staff.revoke(userId, new StaffRole(Role.ORGANIZER, section.slug()));
        store.setLead(section.id(), userId, false);
        audit.record(actor, "section.organizer.remove", "staff_user", String.valueOf(userId), section.slug(), null);
    }

    /** Makes an organizer of the section a lead of it, or not; only its organizers may lead it. */
    @Transactional
    public Optional<String> setLead(Section section, long userId, boolean lead, Actor actor) {
        if (lead && people.organizers(section).stream().noneMatch(p -> p.id() == userId)) {
            return Optional.of("organizing.sections.error.not-organizer");
        }
        store.setLead(section.id(), userId, lead);
        audit.record(actor, lead ? "section.lead.add" : "section.lead.remove", "staff_user", String.valueOf(userId),
                section.slug(), null);
        return Optional.empty();
    }

    /** Saves the reply in one language; an empty body removes it. */
    @Transactional
    public Optional<String> saveReply(Section section, ReplyTemplate reply, Actor actor) {
        if (!languages.supports(reply.language())) {
            return Optional.of("organizing.sections.error.language");
        }
        if (!reply.body().isBlank() && (reply.subject().isBlank() || reply.subject().length() > 300
                || reply.subject().contains("\n") || reply.body().length() > 10000)) {
            return Optional.of("organizing.sections.error.reply");
        }
        store.saveReply(section.id(), reply);
        audit.record(actor, "section.reply", "section", section.slug(), section.slug(), "language=" + reply.language());
        return Optional.empty();
    }

    /** Deletes a section without requests; the fallback stays, every request must have somewhere to go. */
    @Transactional
    public Optional<String> delete(Section section, Actor actor) {
        if (section.fallback()) {
            return Optional.of("organizing.sections.error.fallback");
        }
        if (store.requests(section.id()) > 0) {
            return Optional.of("organizing.sections.error.has-requests");
        }
        // disabled accounts too: people.organizers lists only the enabled ones
        staff.revokeEverywhere(new StaffRole(Role.ORGANIZER, section.slug()));
        store.delete(section.id());
        audit.record(actor, "section.delete", "section", section.slug(), section.slug(), null);
        return Optional.empty();
    }

    private Optional<String> countryTaken(List<String> countries, long sectionId) {
        for (String code : countries) {
            if (store.coveringOtherThan(code, sectionId).isPresent()) {
                return Optional.of("organizing.sections.error.country-taken");
            }
        }
        return Optional.empty();
    }
}
