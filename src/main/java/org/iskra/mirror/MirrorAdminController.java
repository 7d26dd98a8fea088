package org.iskra.mirror;

import java.net.URI;
import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /admin/mirror}, for administrators: start a mirror run into the configured folder and watch it (the page
 * reloads itself while the run goes, no script needed), then read its summary.
 */
@Controller
class MirrorAdminController {

    private final MirrorRuns runs;
    private final MirrorWriter writer;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final IskraProperties site;

    MirrorAdminController(MirrorRuns runs, MirrorWriter writer, Languages languages, PageFrames frames,
                          PageRenderer renderer, IskraProperties site) {
        this.runs = runs;
        this.writer = writer;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.site = site;
    }

    @GetMapping("/admin/mirror")
    ResponseEntity<byte[]> page(HttpServletRequest request, CsrfToken csrf) {
        return page(HttpStatus.OK, request, csrf, null);
    }

    @PostMapping("/admin/mirror")
    ResponseEntity<byte[]> start(HttpServletRequest request, CsrfToken csrf, Principal principal) {
        if (runs.folder().isEmpty()) {
            return page(HttpStatus.CONFLICT, request, csrf, "mirror.admin.not-configured");
        }
        if (!runs.start(principal.getName())) {
            return page(HttpStatus.CONFLICT, request, csrf, "mirror.admin.already-running");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/admin/mirror"))
                .cacheControl(CacheControl.noStore()).build();
    }

    private String startedAt(Language language, MirrorRuns.Run run) {
        java.time.OffsetDateTime utc = run.startedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC);
        return frames.messages(language).date(utc) + " " + utc.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                + " UTC";
    }

    private ResponseEntity<byte[]> page(HttpStatus status, HttpServletRequest request, CsrfToken csrf, String notice) {
        Language language = languages.preferredBy(request);
        Optional<MirrorRuns.Run> run = runs.latest();
        boolean running = run.map(MirrorRuns.Run::running).orElse(false);
        MirrorAdminPage page = new MirrorAdminPage(
                frames.backOfficeFrame(language, frames.messages(language).get("mirror.admin.title")),
                runs.folder().map(Object::toString).orElse(null), running,
                run.map(MirrorRuns.Run::done).orElse(0), run.map(MirrorRuns.Run::found).orElse(0),
                run.map(r -> startedAt(language, r)).orElse(null),
                run.map(MirrorRuns.Run::summary).orElse(null), run.map(MirrorRuns.Run::failure).orElse(null),
                SigningKey.fingerprint(writer.signingKey().getPublic()), site.baseUrl() + PublicKeyController.PATH,
                csrf.getParameterName(), csrf.getToken(), notice);
        ResponseEntity<byte[]> response = renderer.privatePage(status, "mirror/admin.jte", page, language);
        if (!running) {
            return response;
        }
        // the browser reloads the page itself: progress without a script
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header("Refresh", "2")
                .body(response.getBody());
    }
}
