package org.iskra.translation;

import java.util.List;

import org.iskra.articles.EditorialUser;
import org.iskra.site.IskraProperties;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The translation coverage report, as a page and as JSON, for editors, translators and administrators. */
@Controller
class CoverageController {

    private final CoverageReport report;
    private final Languages languages;
    private final PageRenderer renderer;
    private final int pageSize;

    CoverageController(CoverageReport report, Languages languages, PageRenderer renderer, IskraProperties properties) {
        this.report = report;
        this.languages = languages;
        this.renderer = renderer;
        this.pageSize = Math.max(20, properties.pageSize());
    }

    /**
     * The matrix for everyone, every language; the queue (the work, most needed first) for the asked language or a
     * translator's own, which also come first in the matrix.
     */
    @GetMapping("/admin/translations")
    ResponseEntity<byte[]> page(@RequestParam(required = false) String language,
                                @RequestParam(required = false, defaultValue = "1") String page,
                                EditorialUser user, Reader reader) {
        if (!page.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException();
        }
        List<String> queue = only(language, user);
        Coverage coverage = queue.isEmpty() ? null : report.build(queue, reader.language());
        CoverageMatrix matrix = report.matrix(queue, user, reader.language(), Integer.parseInt(page), pageSize);
        CoveragePage model = new CoveragePage(reader.backOfficeFrame("translations.title"), coverage, matrix,
                language == null ? "" : language);
        return renderer.privatePage(HttpStatus.OK, "translation/coverage.jte", model, reader.language());
    }

    @GetMapping(value = "/admin/translations.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Coverage> json(@RequestParam(required = false) String language, EditorialUser user, Reader reader) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(report.build(only(language, user), reader.language()));
    }

    /**
     * The languages to report on: the one asked for, else all. A translator sees only the languages they
     * translate into (their queue); editors and administrators see every language.
     */
    private List<String> only(String language, EditorialUser user) {
        if (language != null && !language.isBlank() && !languages.supports(language)) {
            throw new NotFoundException();
        }
        if (language == null || language.isBlank()) {
            // none named: every language for editors, a translator's queue for a translator
            return user.editor() ? List.of()
                    : user.translatesInto().stream().filter(languages::supports).toList();
        }
        if (!user.translatesInto(language)) {
            throw new AccessDeniedException("not a translator into " + language);
        }
        return List.of(language);
    }
}
