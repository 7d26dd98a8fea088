package org.iskra.privacy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for administrators: newest first, filtered by actor, action, subject and dates. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final PageRenderer renderer;

    AuditController(AuditSearch search, PageRenderer renderer) {
        this.search = search;
        this.renderer = renderer;
    }

    @GetMapping("/admin/audit")
    ResponseEntity<byte[]> page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @RequestParam(required = false) String page,
                                Reader reader) {
        AuditPage.Filter filter = new AuditPage.Filter(blankToEmpty(actor), blankToEmpty(action), blankToEmpty(subject),
                blankToEmpty(from), blankToEmpty(to));
        String error = null;
        LocalDate fromDate = null;
        LocalDate toDate = null;
        int pageNumber = 1;
        try {
            fromDate = filter.from().isEmpty() ? null : LocalDate.parse(filter.from());
            toDate = filter.to().isEmpty() ? null : LocalDate.parse(filter.to());
        } catch (DateTimeParseException e) {
            error = "privacy.audit.error.date";
        }
        if (page != null && !page.isBlank()) {
            if (!page.matches("[1-9][0-9]{0,5}")) {
                error = "privacy.audit.error.page";
            } else {
                pageNumber = Integer.parseInt(page);
            }
        }
        if (filter.actor().length() > 320 || filter.action().length() > 40 || filter.subject().length() > 64) {
            error = "privacy.audit.error.too-long";
        }
        List<AuditEntry> entries = List.of();
        boolean more = false;
        if (error == null) {
            List<AuditEntry> found = search.find(new AuditSearch.Query(
                    nullIfEmpty(filter.actor().toLowerCase(Locale.ROOT)), nullIfEmpty(filter.action()),
                    nullIfEmpty(filter.subject()),
                    fromDate == null ? null : fromDate.atStartOfDay().atOffset(ZoneOffset.UTC),
                    toDate == null ? null : toDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                    (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE + 1));
            more = found.size() > PAGE_SIZE;
            entries = more ? found.subList(0, PAGE_SIZE) : found;
        }
        AuditPage model = new AuditPage(reader.backOfficeFrame("privacy.audit.title"), filter,
                search.actions(), entries, pageNumber, more, error);
        return renderer.privatePage(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "privacy/audit.jte", model,
                reader.language());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
