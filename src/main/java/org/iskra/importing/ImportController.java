package org.iskra.importing;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final PageRenderer renderer;

    ImportController(ImportRuns runs, PageRenderer renderer) {
        this.runs = runs;
        this.renderer = renderer;
    }

    @GetMapping("/admin/import")
    ResponseEntity<byte[]> form(Reader reader) {
        return form(HttpStatus.OK, reader, null);
    }

    @PostMapping("/admin/import")
    ResponseEntity<byte[]> upload(@RequestParam(required = false) MultipartFile file,
                                  @RequestParam(required = false) String addLanguages,
                                  @RequestParam(required = false) String dryRun,
                                  @RequestParam(required = false) String drafts,
                                  Reader reader, Principal principal) throws IOException {
        if (file == null || file.isEmpty()) {
            return form(HttpStatus.BAD_REQUEST, reader, "importing.error.no-file");
        }
        long id = runs.start(file, new ImportRuns.Request(addLanguages != null, dryRun != null, drafts != null,
                principal.getName()));
        return PageRenderer.seeOther("/admin/import/" + id);
    }

    @GetMapping("/admin/import/{id}")
    ResponseEntity<byte[]> run(@PathVariable String id, Reader reader) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundException();
        }
        ImportRun run = runs.find(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        ImportPage page = new ImportPage(reader.backOfficeFrame("importing.title"), List.of(), run, null);
        ResponseEntity<byte[]> response = renderer.privatePage(HttpStatus.OK, "importing/run.jte", page, reader.language());
        if (!page.running()) {
            return response;
        }
        // the browser reloads the page itself: progress without a script
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header("Refresh", "2")
                .body(response.getBody());
    }

    private ResponseEntity<byte[]> form(HttpStatus status, Reader reader, String error) {
        ImportPage page = new ImportPage(reader.backOfficeFrame("importing.title"), runs.latest(), null, error);
        return renderer.privatePage(status, "importing/form.jte", page, reader.language());
    }
}
