package org.iskra.organizing;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.accounts.StaffAccounts;
import org.iskra.privacy.Actor;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
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
    private final StaffAccounts accounts;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    SectionsController(SectionAdmin admin, StaffAccounts accounts, Languages languages, PageFrames frames,
                       PageRenderer renderer) {
        this.admin = admin;
        this.accounts = accounts;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    @GetMapping("/admin/sections")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String done, HttpServletRequest request, CsrfToken csrf) {
        return listPage(HttpStatus.OK, new SectionForm("", "", "", "48", ""), notice(done), null, request, csrf);
    }

    @PostMapping("/admin/sections")
    ResponseEntity<byte[]> create(@RequestParam(required = false) String slug, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String contactEmail,
                                  @RequestParam(required = false) String responseHours,
                                  @RequestParam(required = false) String countries,
                                  HttpServletRequest request, Principal principal, CsrfToken csrf) {
        SectionForm form = new SectionForm(slug, name, contactEmail, responseHours, countries);
        Optional<String> error = form.error(true).or(() -> admin.create(form, actor(request, principal)));
        if (error.isPresent()) {
            return listPage(HttpStatus.BAD_REQUEST, form, null, error.get(), request, csrf);
        }
        return seeOther("/admin/sections?done=created");
    }

    @GetMapping("/admin/sections/{id}")
    ResponseEntity<byte[]> section(@PathVariable String id, @RequestParam(required = false) String done,
                                   HttpServletRequest request, CsrfToken csrf) {
        Section section = find(id);
        return sectionPage(HttpStatus.OK, section, SectionForm.of(section, admin.countries(section.id()), admin.retention(section.id())), notice(done),
                null, request, csrf);
    }

    @PostMapping("/admin/sections/{id}")
    ResponseEntity<byte[]> update(@PathVariable String id, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String contactEmail,
                                  @RequestParam(required = false) String responseHours,
                                  @RequestParam(required = false) String countries,
                                  @RequestParam(required = false) String closedRetentionDays,
                                  @RequestParam(required = false) String unconfirmedRetentionDays,
                                  HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Section section = find(id);
        // a form without the periods (an older page, a script) leaves them as they are
        RetentionDays current = admin.retention(section.id());
        SectionForm form = new SectionForm(section.slug(), name, contactEmail, responseHours, countries,
                closedRetentionDays == null ? String.valueOf(current.closed()) : closedRetentionDays,
                unconfirmedRetentionDays == null ? String.valueOf(current.unconfirmed()) : unconfirmedRetentionDays);
        Optional<String> error = form.error(false).or(() -> admin.update(section, form, actor(request, principal)));
        return after(section, "saved", error, form, request, csrf);
    }

    @PostMapping("/admin/sections/{id}/organizers")
    ResponseEntity<byte[]> organizers(@PathVariable String id, @RequestParam(required = false) String email,
                                      @RequestParam(required = false) String remove,
                                      @RequestParam(required = false) String lead,
                                      @RequestParam(required = false) String unlead,
                                      HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Section section = find(id);
        Actor actor = actor(request, principal);
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
        return after(section, "organizers", error, null, request, csrf);
    }

    @PostMapping("/admin/sections/{id}/replies")
    ResponseEntity<byte[]> reply(@PathVariable String id, @RequestParam(required = false) String language,
                                 @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
                                 HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Section section = find(id);
        ReplyTemplate reply = new ReplyTemplate(language == null ? "" : language.strip(),
                subject == null ? "" : subject.strip(), body == null ? "" : body.strip().replace("\r\n", "\n"));
        return after(section, "reply", admin.saveReply(section, reply, actor(request, principal)), null, request, csrf);
    }

    @PostMapping("/admin/sections/{id}/delete")
    ResponseEntity<byte[]> delete(@PathVariable String id, HttpServletRequest request, Principal principal,
                                  CsrfToken csrf) {
        Section section = find(id);
        Optional<String> error = admin.delete(section, actor(request, principal));
        if (error.isEmpty()) {
            return seeOther("/admin/sections?done=deleted");
        }
        return after(section, null, error, null, request, csrf);
    }

    private ResponseEntity<byte[]> after(Section section, String done, Optional<String> error, SectionForm form,
                                         HttpServletRequest request, CsrfToken csrf) {
        if (error.isPresent()) {
            SectionForm shown = form != null ? form : SectionForm.of(section, admin.countries(section.id()), admin.retention(section.id()));
            return sectionPage(HttpStatus.BAD_REQUEST, section, shown, null, error.get(), request, csrf);
        }
        return seeOther("/admin/sections/" + section.id() + "?done=" + done);
    }

    private ResponseEntity<byte[]> listPage(HttpStatus status, SectionForm form, String notice, String error,
                                            HttpServletRequest request, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        List<SectionsPage.Row> rows = admin.all().stream()
                .map(s -> new SectionsPage.Row(s, admin.countries(s.id()))).toList();
        SectionsPage page = new SectionsPage(frames.backOfficeFrame(language, t.get("organizing.sections.title")), rows,
                form.slug(), form.name(), form.contactEmail(), form.responseHours(), form.countries(),
                csrf.getParameterName(), csrf.getToken(), notice, error);
        return renderer.privatePage(status, "organizing/sections.jte", page, language);
    }

    private ResponseEntity<byte[]> sectionPage(HttpStatus status, Section section, SectionForm form, String notice,
                                               String error, HttpServletRequest request, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        SectionAdmin.Details details = admin.details(section.id()).orElseThrow(NotFoundException::new);
        SectionPage page = new SectionPage(frames.backOfficeFrame(language, section.name()), details.section(),
                form.name(), form.contactEmail(), form.responseHours(), form.countries(), form.closedRetentionDays(),
                form.unconfirmedRetentionDays(), details.organizers(),
                details.leadIds(), details.replies(), languages.all().stream().map(Language::code).toList(),
                csrf.getParameterName(), csrf.getToken(), notice, error);
        return renderer.privatePage(status, "organizing/section.jte", page, language);
    }

    private Section find(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new NotFoundException();
        }
        return admin.details(Long.parseLong(id)).map(SectionAdmin.Details::section).orElseThrow(NotFoundException::new);
    }

    private static String notice(String done) {
        return done != null && DONE.contains(done) ? "organizing.sections.done." + done : null;
    }

    private Actor actor(HttpServletRequest request, Principal principal) {
        return new Actor(accounts.find(principal.getName()).orElseThrow(NotFoundException::new).id(),
                request.getRemoteAddr());
    }

    private static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
}
