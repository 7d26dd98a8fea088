package org.iskra.importing;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/import}, for administrators: upload a WordPress export or a zip of a Hugo site, watch the import's
 * progress (the page reloads itself while it runs, with no script needed), read its summary.
 */
@Controller
class ImportController {

    private final ImportRuns runs;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    ImportController(ImportRuns runs, Languages languages, PageFrames frames, PageRenderer renderer) {
        this.runs = runs;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    @GetMapping("/admin/import")
    ResponseEntity<byte[]> form(HttpServletRequest request, CsrfToken csrf) {
        return form(HttpStatus.OK, request, csrf, null);
    }

    @PostMapping("/admin/import")
    ResponseEntity<byte[]> upload(@RequestParam(required = false) MultipartFile file,
                                  @RequestParam(required = false) String addLanguages,
                                  @RequestParam(required = false) String dryRun,
                                  @RequestParam(required = false) String drafts,
                                  HttpServletRequest request, CsrfToken csrf, Principal principal) throws IOException {
        if (file == null || file.isEmpty()) {
            return form(HttpStatus.BAD_REQUEST, request, csrf, "importing.error.no-file");
        }
        long id = runs.start(file, new ImportRuns.Request(addLanguages != null, dryRun != null, drafts != null,
                principal.getName()));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/admin/import/" + id)).build();
    }

    @GetMapping("/admin/import/{id}")
    ResponseEntity<byte[]> run(@PathVariable String id, HttpServletRequest request) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundException();
        }
        ImportRun run = runs.find(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        Language language = languages.preferredBy(request);
        ImportPage page = new ImportPage(frames.backOfficeFrame(language, frames.messages(language).get("importing.title")),
                List.of(), run, null, null, null);
        ResponseEntity<byte[]> response = renderer.privatePage(HttpStatus.OK, "importing/run.jte", page, language);
        if (!page.running()) {
            return response;
        }
        // the browser reloads the page itself: progress without a script
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header("Refresh", "2")
                .body(response.getBody());
    }

    private ResponseEntity<byte[]> form(HttpStatus status, HttpServletRequest request, CsrfToken csrf, String error) {
        Language language = languages.preferredBy(request);
        ImportPage page = new ImportPage(frames.backOfficeFrame(language, frames.messages(language).get("importing.title")),
                runs.latest(), null, csrf.getParameterName(), csrf.getToken(), error);
        return renderer.privatePage(status, "importing/form.jte", page, language);
    }
}
