package org.iskra.organizing;

import java.util.List;

import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The two pages of the sections' administration, rendered with what was typed, a notice or an error. */
@Component
class SectionPages {

    private final SectionAdmin admin;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    SectionPages(SectionAdmin admin, Languages languages, PageFrames frames, PageRenderer renderer) {
        this.admin = admin;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** The section with this id from the address; 404 for anything else. */
    Section find(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new NotFoundException();
        }
        return admin.details(Long.parseLong(id)).map(SectionAdmin.Details::section).orElseThrow(NotFoundException::new);
    }

    /** The section's settings as stored, for a page that shows no typed form. */
    SectionForm stored(Section section) {
        return SectionForm.of(section, admin.countries(section.id()), admin.retention(section.id()));
    }

    ResponseEntity<byte[]> list(HttpStatus status, SectionForm form, String notice, String error, Reader reader) {
        List<SectionsPage.Row> rows = admin.all().stream()
                .map(s -> new SectionsPage.Row(s, admin.countries(s.id()))).toList();
        SectionsPage page = new SectionsPage(reader.backOfficeFrame("organizing.sections.title"), rows,
                form.slug(), form.name(), form.contactEmail(), form.responseHours(), form.countries(), notice, error);
        return renderer.privatePage(status, "organizing/sections.jte", page, reader.language());
    }

    ResponseEntity<byte[]> section(HttpStatus status, Section section, SectionForm form, String notice, String error,
                                   Reader reader) {
        Language language = reader.language();
        SectionAdmin.Details details = admin.details(section.id()).orElseThrow(NotFoundException::new);
        // titled by the section's name, not by a message key
        PageFrame frame = frames.backOfficeFrame(language, section.name()).withCsrf(reader.csrf());
        SectionPage page = new SectionPage(frame, details.section(),
                form.name(), form.contactEmail(), form.responseHours(), form.countries(), form.closedRetentionDays(),
                form.unconfirmedRetentionDays(), details.organizers(),
                details.leadIds(), details.replies(), languages.all().stream().map(Language::code).toList(),
                notice, error);
        return renderer.privatePage(status, "organizing/section.jte", page, language);
    }
}
