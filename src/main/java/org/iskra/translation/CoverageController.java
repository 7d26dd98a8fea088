package org.iskra.translation;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.articles.EditorialUser;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
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
    private final PageFrames frames;
    private final PageRenderer renderer;

    CoverageController(CoverageReport report, Languages languages, PageFrames frames, PageRenderer renderer) {
        this.report = report;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    @GetMapping("/admin/translations")
    ResponseEntity<byte[]> page(@RequestParam(required = false) String language, EditorialUser user,
                                HttpServletRequest request) {
        Language reader = languages.preferredBy(request);
        Coverage coverage = report.build(only(language, user), reader);
        CoveragePage page = new CoveragePage(frames.backOfficeFrame(reader, frames.messages(reader).get("translations.title")),
                coverage, language == null ? "" : language);
        return renderer.privatePage(HttpStatus.OK, "translation/coverage.jte", page, reader);
    }

    @GetMapping(value = "/admin/translations.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Coverage> json(@RequestParam(required = false) String language, EditorialUser user,
                                  HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(report.build(only(language, user), languages.preferredBy(request)));
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
