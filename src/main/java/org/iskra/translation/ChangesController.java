package org.iskra.translation;

import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditorialUser;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "What changed since you translated it": the original's word-level diff for one translation, and marking the
 * translation up to date. Translators may do this only for their own languages.
 */
@Controller
class ChangesController {

    private final OriginalChanges originalChanges;
    private final ArticleWriter writer;
    private final Languages languages;
    private final PageRenderer renderer;

    ChangesController(OriginalChanges originalChanges, ArticleWriter writer, Languages languages, PageRenderer renderer) {
        this.originalChanges = originalChanges;
        this.writer = writer;
        this.languages = languages;
        this.renderer = renderer;
    }

    @GetMapping("/admin/translations/{lang}/{slug}")
    ResponseEntity<byte[]> changes(@PathVariable String lang, @PathVariable String slug,
                                   @RequestParam(required = false) String marked, EditorialUser user, Reader reader) {
        mayWorkOn(user, lang);
        OriginalChanges.Changes changes = originalChanges.since(lang, slug).orElseThrow(NotFoundException::new);
        ChangesPage page = new ChangesPage(reader.backOfficeFrame("translations.changes.title"), lang, slug,
                originalChanges.originalLanguage(lang, slug).orElse(""), changes, marked != null);
        return renderer.privatePage(HttpStatus.OK, "translation/changes.jte", page, reader.language());
    }

    @PostMapping("/admin/translations/{lang}/{slug}/up-to-date")
    ResponseEntity<byte[]> markUpToDate(@PathVariable String lang, @PathVariable String slug, EditorialUser user) {
        mayWorkOn(user, lang);
        if (originalChanges.since(lang, slug).isEmpty()) {
            throw new NotFoundException();
        }
        writer.markUpToDate(lang, slug);
        return PageRenderer.seeOther("/admin/translations/" + lang + "/" + slug + "?marked");
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
