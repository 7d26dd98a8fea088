package org.iskra.privacy;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.RequiresRecentLogin;
import org.iskra.site.StaffDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
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
    private final StaffDirectory staff;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    SubjectsController(DataSubjects subjects, SubjectExportFile exports, StaffDirectory staff, Languages languages,
                       PageFrames frames, PageRenderer renderer) {
        this.subjects = subjects;
        this.exports = exports;
        this.staff = staff;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> form(@RequestParam(required = false) String done, HttpServletRequest request, CsrfToken csrf) {
        String notice = "erased".equals(done) ? "privacy.subjects.done.erased" : null;
        return page(HttpStatus.OK, "", null, false, notice, null, request, csrf);
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> search(@RequestParam(required = false) String email, HttpServletRequest request,
                                  Principal principal, CsrfToken csrf) {
        String address = clean(email);
        if (!valid(address)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.email", request, csrf);
        }
        List<HeldRecord> records = subjects.find(address, actor(request, principal));
        return page(HttpStatus.OK, address, records, false, null, null, request, csrf);
    }

    @PostMapping(PATH + "/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String email,
                                  @RequestParam(required = false) String format, HttpServletRequest request,
                                  Principal principal, CsrfToken csrf) {
        String address = clean(email);
        if (!valid(address)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.email", request, csrf);
        }
        if (format == null || !SubjectExportFile.FORMATS.contains(format)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.format", request, csrf);
        }
        SubjectExportFile.File file = exports.export(address, format, languages.preferredBy(request),
                actor(request, principal));
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
                                 @RequestParam(required = false) String confirm, HttpServletRequest request,
                                 Principal principal, CsrfToken csrf) {
        String address = clean(email);
        if (!valid(address)) {
            return page(HttpStatus.BAD_REQUEST, address, null, false, null, "privacy.subjects.error.email", request, csrf);
        }
        if (!"yes".equals(confirm)) {
            return page(HttpStatus.OK, address, List.of(), true, null, null, request, csrf);
        }
        subjects.erase(address, actor(request, principal));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(PATH + "?done=erased")).build();
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String email, List<HeldRecord> records, boolean confirm,
                                        String notice, String error, HttpServletRequest request, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        SubjectsPage page = new SubjectsPage(frames.backOfficeFrame(language, t.get("privacy.subjects.title")), email,
                records, confirm, csrf.getParameterName(), csrf.getToken(), notice, error);
        return renderer.privatePage(status, "privacy/subjects.jte", page, language);
    }

    private Actor actor(HttpServletRequest request, Principal principal) {
        return new Actor(staff.idOf(principal.getName()).orElseThrow(NotFoundException::new),
                request.getRemoteAddr());
    }

    private static String clean(String email) {
        return email == null ? "" : email.strip();
    }

    private static boolean valid(String email) {
        return email.length() <= 320 && email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}");
    }
}
