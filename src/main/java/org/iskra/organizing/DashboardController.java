package org.iskra.organizing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iskra.privacy.Actor;
import org.iskra.site.ActingStaff;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organizers' dashboard of join requests, and the export of a section's requests. */
@Controller
class DashboardController {

    static final int PAGE_SIZE = 50;

    private final RequestReading reading;
    private final SectionExport export;
    private final Organizers organizers;
    private final PageRenderer renderer;

    DashboardController(RequestReading reading, SectionExport export, Organizers organizers, PageRenderer renderer) {
        this.reading = reading;
        this.export = export;
        this.organizers = organizers;
        this.renderer = renderer;
    }

    @GetMapping("/admin/join")
    ResponseEntity<byte[]> dashboard(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) String assignee,
                                     @RequestParam(required = false) String country,
                                     @RequestParam(required = false) String confirmed,
                                     @RequestParam(required = false) String page,
                                     @RequestParam(required = false) String done,
                                     Reader reader, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        DashboardFilter filter = new DashboardFilter(status, assignee, country, confirmed);
        String error = filter.error().orElse(null);
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            if (page.strip().matches("[1-9][0-9]{0,5}")) {
                pageNumber = Integer.parseInt(page.strip());
            } else {
                error = "organizing.error.page";
            }
        }
        Dashboard dashboard = error != null ? Dashboard.EMPTY
                : reading.list(user, filter, pageNumber, PAGE_SIZE, Actor.of(staff));
        DashboardPage model = new DashboardPage(reader.backOfficeFrame("organizing.dashboard.title"), dashboard,
                List.of(RequestStatus.values()), filter.statusText(), filter.assigneeText(), filter.countryText(),
                filter.confirmedText(), pageNumber, "transfer".equals(done) ? "organizing.done.transfer" : null, error);
        return renderer.privatePage(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "organizing/dashboard.jte",
                model, reader.language());
    }

    /** A POST behind a fresh login: a link on another site must not make an organizer's browser download it. */
    @PostMapping("/admin/join/export")
    @RequiresRecentLogin
    ResponseEntity<byte[]> export(@RequestParam(required = false) String section, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        if (section == null || !section.matches("[0-9]{1,18}")) {
            throw new NotFoundException();
        }
        String csv = export.csv(Long.parseLong(section), user, Actor.of(staff)).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"join-requests-" + section + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
