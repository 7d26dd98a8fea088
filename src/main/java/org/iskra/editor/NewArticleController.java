package org.iskra.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditConflictException;
import org.iskra.articles.EditorialUser;
import org.iskra.articles.SaveResult;
import org.iskra.site.Languages;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Starting a text: a new article, or with {@code from} a new translation of the article that translation belongs to. */
@Controller
class NewArticleController {

    private final ArticleWriter writer;
    private final EditorDrafts drafts;
    private final EditorScreen screen;
    private final FigureInsertion figures;
    private final Languages languages;

    NewArticleController(ArticleWriter writer, EditorDrafts drafts, EditorScreen screen, FigureInsertion figures,
                         Languages languages) {
        this.writer = writer;
        this.drafts = drafts;
        this.screen = screen;
        this.figures = figures;
        this.languages = languages;
    }

    @GetMapping("/admin/articles/new")
    ResponseEntity<byte[]> blank(@RequestParam(required = false) String language, @RequestParam(required = false) String from,
                                 EditorialUser user, Reader reader) {
        String code = language != null && languages.supports(language) ? language : reader.language().code();
        ArticleDesk.Draft source = drafts.source(from, user);
        EditorDrafts.mayStart(user, source, code);
        if (source == null) {
            return screen.render(HttpStatus.OK, reader, user, EditorView.of(null, EditorForm.blank(code)));
        }
        Optional<Long> existing = drafts.translationOf(source, code);
        if (existing.isPresent()) {
            return PageRenderer.seeOther("/admin/articles/" + existing.get());
        }
        // a translator starts from the source's words and terms and replaces them with their language's
        EditorForm start = drafts.formOf(source).forTranslation(code);
        return screen.render(HttpStatus.OK, reader, user, EditorView.of(null, start).from(source));
    }

    @PostMapping("/admin/articles/new")
    ResponseEntity<byte[]> create(EditorForm form, @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String from, FigureUpload figure,
                                  EditorialUser user, Reader reader) {
        ArticleDesk.Draft source = drafts.source(from, user);
        EditorDrafts.mayStart(user, source, form.language());
        if ("upload".equals(action)) {
            return screen.uploaded(reader, user, null, form, source, figures.insert(form, figure));
        }
        List<String> problems = new ArrayList<>(form.problems());
        if (!languages.supports(form.language())) {
            problems.add("editor.error.language-unknown");
        }
        EditorView view = EditorView.of(null, form).from(source);
        if ("preview".equals(action) || !problems.isEmpty()) {
            return screen.previewed(problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT, reader, user,
                    view.problems(problems));
        }
        String key = source == null ? "editor-" + UUID.randomUUID() : source.translationKey();
        String originalLanguage = source == null ? form.language() : source.originalLanguage();
        try {
            SaveResult saved = writer.edit(form.toInput(key, originalLanguage, source == null ? null : source.leadMediaId(),
                    user.name()), null);
            return PageRenderer.seeOther("/admin/articles/" + saved.translationId() + "?done=saved");
        } catch (ArticleRejectedException e) {
            return screen.rejected(reader, user, view, e);
        } catch (EditConflictException e) {
            // the article got a translation in this language meanwhile: show it, with this user's words kept
            return screen.conflict(reader, user, e.translationId(), form);
        }
    }
}
