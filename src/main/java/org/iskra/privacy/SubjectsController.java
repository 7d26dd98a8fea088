package org.iskra.privacy;

import java.util.List;

import org.iskra.site.ActingStaff;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators answering a data subject: search by address, download everything held (JSON, or a readable page),
 * erase it after a confirmation step. Every route takes the address from a POST body, so it never lands in an
 * access log, the browser history or a Referer header.
 */
@Controller
class SubjectsController {

    private static final String PATH = "/admin/privacy/subjects";

    private final DataSubjects subjects;
    private final SubjectExportFile exports;
    private final PageRenderer renderer;

    SubjectsController(DataSubjects subjects, SubjectExportFile exports, PageRenderer renderer) {
        this.subjects = subjects;
        this.exports = exports;
        this.renderer = renderer;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> form(@RequestParam(required = false) String done, Reader reader) {
        String notice = "erased".equals(done) ? "privacy.subjects.done.erased" : null;
        return page(HttpStatus.OK, "", null, false, notice, null, reader);
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> search(@RequestParam(required = false) String email, Reader reader, ActingStaff staff) {
        String address = clean(email);
        if (!valid(address)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.email", reader);
        }
        List<HeldRecord> records = subjects.find(address, Actor.of(staff));
        return page(HttpStatus.OK, address, records, false, null, null, reader);
    }

    @PostMapping(PATH + "/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String email,
                                  @RequestParam(required = false) String format, Reader reader, ActingStaff staff) {
        String address = clean(email);
        if (!valid(address)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.email", reader);
        }
        if (format == null || !SubjectExportFile.FORMATS.contains(format)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.format", reader);
        }
        SubjectExportFile.File file = exports.export(address, format, reader.language(), Actor.of(staff));
        return ResponseEntity.ok()
                .contentType(file.type())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename()).build().toString())
                .body(file.body());
    }

    /** Without {@code confirm=yes} only asks; the erasure itself cannot be undone. */
    @PostMapping(PATH + "/erase")
    @RequiresRecentLogin
    ResponseEntity<byte[]> erase(@RequestParam(required = false) String email,
                                 @RequestParam(required = false) String confirm, Reader reader, ActingStaff staff) {
        String address = clean(email);
        if (!valid(address)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.email", reader);
        }
        if (!"yes".equals(confirm)) {
            return page(HttpStatus.OK, address, List.of(), true, null, null, reader);
        }
        subjects.erase(address, Actor.of(staff));
        return PageRenderer.seeOther(PATH + "?done=erased");
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String email, List<HeldRecord> records, boolean confirm,
                                        String notice, String error, Reader reader) {
        SubjectsPage page = new SubjectsPage(reader.backOfficeFrame("privacy.subjects.title"), email, records, confirm,
                notice, error);
        return renderer.privatePage(status, "privacy/subjects.jte", page, reader.language());
    }

    private static String clean(String email) {
        return email == null ? "" : email.strip();
    }

    private static boolean valid(String email) {
        return email.length() <= 320 && email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}");
    }
}
