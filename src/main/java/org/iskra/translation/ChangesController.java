package org.iskra.translation;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditorialUser;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "What changed since you translated it": the original's word-level diff for one translation, and marking the
 * translation up to date. Translators may do this only for their own languages.
 */
@Controller
class ChangesController {

    private final OriginalChanges originalChanges;
    private final ArticleWriter writer;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    ChangesController(OriginalChanges originalChanges, ArticleWriter writer, Languages languages, PageFrames frames,
                      PageRenderer renderer) {
        this.originalChanges = originalChanges;
        this.writer = writer;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    @GetMapping("/admin/translations/{lang}/{slug}")
    ResponseEntity<byte[]> changes(@PathVariable String lang, @PathVariable String slug, EditorialUser user,
                                   CsrfToken csrf, HttpServletRequest request) {
        mayWorkOn(user, lang);
        OriginalChanges.Changes changes = originalChanges.since(lang, slug).orElseThrow(NotFoundException::new);
        Language reader = languages.preferredBy(request);
        var t = frames.messages(reader);
        ChangesPage page = new ChangesPage(frames.backOfficeFrame(reader, t.get("translations.changes.title")), lang, slug,
                originalChanges.originalLanguage(lang, slug).orElse(""), changes, csrf.getParameterName(), csrf.getToken(),
                request.getParameter("marked") != null);
        return renderer.privatePage(HttpStatus.OK, "translation/changes.jte", page, reader);
    }

    @PostMapping("/admin/translations/{lang}/{slug}/up-to-date")
    ResponseEntity<Void> markUpToDate(@PathVariable String lang, @PathVariable String slug, EditorialUser user) {
        mayWorkOn(user, lang);
        if (originalChanges.since(lang, slug).isEmpty()) {
            throw new NotFoundException();
        }
        writer.markUpToDate(lang, slug);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/admin/translations/" + lang + "/" + slug + "?marked"))
                .build();
    }

    private void mayWorkOn(EditorialUser user, String language) {
        if (!languages.supports(language)) {
            throw new NotFoundException();
        }
        if (!user.translatesInto(language)) {
            throw new AccessDeniedException("not a translator into " + language);
        }
    }
}
