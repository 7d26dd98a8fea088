package org.iskra.organizing;

import java.util.Optional;
import java.util.Set;

import org.iskra.privacy.Actor;
import org.iskra.site.ActingStaff;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators manage sections: settings, countries, organizers and leads, reply templates. */
@Controller
class SectionsController {

    private static final Set<String> DONE = Set.of("created", "saved", "organizers", "reply", "deleted");

    private final SectionAdmin admin;
    private final SectionPages pages;

    SectionsController(SectionAdmin admin, SectionPages pages) {
        this.admin = admin;
        this.pages = pages;
    }

    @GetMapping("/admin/sections")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String done, Reader reader) {
        return pages.list(HttpStatus.OK, new SectionForm("", "", "", "48", ""), notice(done), null, reader);
    }

    @PostMapping("/admin/sections")
    ResponseEntity<byte[]> create(@RequestParam(required = false) String slug, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String contactEmail,
                                  @RequestParam(required = false) String responseHours,
                                  @RequestParam(required = false) String countries,
                                  Reader reader, ActingStaff staff) {
        SectionForm form = new SectionForm(slug, name, contactEmail, responseHours, countries);
        Optional<String> error = form.error(true).or(() -> admin.create(form, Actor.of(staff)));
        if (error.isPresent()) {
            return pages.list(HttpStatus.BAD_REQUEST, form, null, error.get(), reader);
        }
        return PageRenderer.seeOther("/admin/sections?done=created");
    }

    @GetMapping("/admin/sections/{id}")
    ResponseEntity<byte[]> section(@PathVariable String id, @RequestParam(required = false) String done,
                                   Reader reader) {
        Section section = pages.find(id);
        return pages.section(HttpStatus.OK, section, pages.stored(section), notice(done),
                null, reader);
    }

    @PostMapping("/admin/sections/{id}")
    ResponseEntity<byte[]> update(@PathVariable String id, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String contactEmail,
                                  @RequestParam(required = false) String responseHours,
                                  @RequestParam(required = false) String countries,
                                  @RequestParam(required = false) String closedRetentionDays,
                                  @RequestParam(required = false) String unconfirmedRetentionDays,
                                  Reader reader, ActingStaff staff) {
        Section section = pages.find(id);
        // a form without the periods (an older page, a script) leaves them as they are
        RetentionDays current = admin.retention(section.id());
        SectionForm form = new SectionForm(section.slug(), name, contactEmail, responseHours, countries,
                closedRetentionDays == null ? String.valueOf(current.closed()) : closedRetentionDays,
                unconfirmedRetentionDays == null ? String.valueOf(current.unconfirmed()) : unconfirmedRetentionDays);
        Optional<String> error = form.error(false).or(() -> admin.update(section, form, Actor.of(staff)));
        return after(section, "saved", error, form, reader);
    }

    @PostMapping("/admin/sections/{id}/organizers")
    ResponseEntity<byte[]> organizers(@PathVariable String id, @RequestParam(required = false) String email,
                                      @RequestParam(required = false) String remove,
                                      @RequestParam(required = false) String lead,
                                      @RequestParam(required = false) String unlead,
                                      Reader reader, ActingStaff staff) {
        Section section = pages.find(id);
        Actor actor = Actor.of(staff);
        Optional<String> error;
        if (remove != null && remove.matches("[0-9]{1,18}")) {
            admin.removeOrganizer(section, Long.parseLong(remove), actor);
            error = Optional.empty();
        } else if (lead != null && lead.matches("[0-9]{1,18}")) {
            error = admin.setLead(section, Long.parseLong(lead), true, actor);
        } else if (unlead != null && unlead.matches("[0-9]{1,18}")) {
            error = admin.setLead(section, Long.parseLong(unlead), false, actor);
        } else {
            error = admin.addOrganizer(section, email, actor);
        }
        return after(section, "organizers", error, null, reader);
    }

    @PostMapping("/admin/sections/{id}/replies")
    ResponseEntity<byte[]> reply(@PathVariable String id, @RequestParam(required = false) String language,
                                 @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
                                 Reader reader, ActingStaff staff) {
        Section section = pages.find(id);
        ReplyTemplate reply = new ReplyTemplate(language == null ? "" : language.strip(),
                subject == null ? "" : subject.strip(), body == null ? "" : body.strip().replace("\r\n", "\n"));
        return after(section, "reply", admin.saveReply(section, reply, Actor.of(staff)), null, reader);
    }

    @PostMapping("/admin/sections/{id}/delete")
    ResponseEntity<byte[]> delete(@PathVariable String id, Reader reader, ActingStaff staff) {
        Section section = pages.find(id);
        Optional<String> error = admin.delete(section, Actor.of(staff));
        if (error.isEmpty()) {
            return PageRenderer.seeOther("/admin/sections?done=deleted");
        }
        return after(section, null, error, null, reader);
    }

    private ResponseEntity<byte[]> after(Section section, String done, Optional<String> error, SectionForm form,
                                         Reader reader) {
        if (error.isPresent()) {
            SectionForm shown = form != null ? form : pages.stored(section);
            return pages.section(HttpStatus.BAD_REQUEST, section, shown, null, error.get(), reader);
        }
        return PageRenderer.seeOther("/admin/sections/" + section.id() + "?done=" + done);
    }

    private static String notice(String done) {
        return done != null && DONE.contains(done) ? "organizing.sections.done." + done : null;
    }
}
