package org.iskra.editor;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.EditorialUser;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders the editor page, which several controllers answer with (new article, edit, workflow, restore): its
 * title, the statuses this user may move the text to, and the original a translator reads beside the form.
 */
@Component
class EditorScreen {

    private static final List<String> EXPLAINED = List.of("slug-invalid", "slug-taken", "title-missing", "transition");

    private final ArticleDesk desk;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    EditorScreen(ArticleDesk desk, Languages languages, PageFrames frames, PageRenderer renderer) {
        this.desk = desk;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    ResponseEntity<byte[]> render(HttpStatus status, Reader reader, EditorialUser user, EditorView view) {
        Messages t = reader.t();
        ArticleDesk.Draft draft = view.draft();
        String title = draft == null ? t.get("editor.new.title") : t.get("editor.edit.title", draft.title());
        List<String> transitions = draft == null ? List.of()
                : user.transitions(draft).stream().map(EditorialStatus::value).toList();
        ArticleDesk.Draft original = originalBeside(draft, view.source(), user);
        EditorForm form = view.form();
        // the preview is beside the text from the start, as the published page will show it
        String preview = view.previewHtml() != null || form.body().isBlank() ? view.previewHtml() : desk.preview(form.body());
        EditorPage page = new EditorPage(frames.backOfficeFrame(reader.language(), title).withCsrf(reader.csrf()), draft,
                form, preview, view.problems(), view.conflict(), view.notice(), transitions,
                languages.all(), frames.assetPath("assets/article-editor.js"), view.source(), original,
                WordCount.of(form.body(), form.language()),
                original == null ? 0 : WordCount.of(original.body(), original.language()),
                original == null ? null : AlignedParagraphs.of(original.body(), form.body()),
                SaveState.of(draft, form, newestRevision(draft), t.interfaceLanguage()));
        return renderer.privatePage(status, "editor/edit.jte", page, reader.language());
    }

    private OffsetDateTime newestRevision(ArticleDesk.Draft draft) {
        if (draft == null) {
            return null;
        }
        List<ArticleDesk.RevisionEntry> revisions = desk.revisions(draft.translationId());
        return revisions.isEmpty() ? null : revisions.get(0).createdAt();
    }

    /** The form again with the preview of its body. */
    ResponseEntity<byte[]> previewed(HttpStatus status, Reader reader, EditorialUser user, EditorView view) {
        return render(status, reader, user, view.preview(desk.preview(view.form().body())));
    }

    /** Saving was refused: the form again, with the writer's reason in the editor's words. */
    ResponseEntity<byte[]> rejected(Reader reader, EditorialUser user, EditorView view, ArticleRejectedException e) {
        return previewed(HttpStatus.UNPROCESSABLE_CONTENT, reader, user, view.problem(problemKey(e)));
    }

    /** Someone saved a newer version meanwhile: the newer one is shown with this user's words kept in the form. */
    ResponseEntity<byte[]> conflict(Reader reader, EditorialUser user, long id, EditorForm theirs) {
        ArticleDesk.Draft newer = desk.draft(id).orElseThrow(NotFoundException::new);
        // with the newer version in it, saving again deliberately replaces that one
        return previewed(HttpStatus.CONFLICT, reader, user, EditorView.of(newer, theirs.withVersion(newer.version())).conflicting());
    }

    /** After an upload from the form: the form with the figure and a notice, or the form as it was and why not. */
    ResponseEntity<byte[]> uploaded(Reader reader, EditorialUser user, ArticleDesk.Draft draft, EditorForm form,
                                    ArticleDesk.Draft source, FigureInsertion.Outcome outcome) {
        EditorView view = outcome.inserted() ? EditorView.of(draft, outcome.form()).notice("editor.figure.inserted")
                : EditorView.of(draft, form).problem(outcome.problem());
        return previewed(outcome.status(), reader, user, view.from(source));
    }

    /** The writer's reasons are named {@code articles.error.*}; the editor shows its own words for those it can meet. */
    static String problemKey(ArticleRejectedException e) {
        String reason = e.reason().substring(e.reason().lastIndexOf('.') + 1);
        return "editor.error." + (EXPLAINED.contains(reason) ? reason : "rejected");
    }

    /**
     * What a translator reads beside the form: the text a new translation starts from, or the original of the
     * translation being edited; nothing for an original.
     */
    private ArticleDesk.Draft originalBeside(ArticleDesk.Draft draft, ArticleDesk.Draft source, EditorialUser user) {
        if (source != null) {
            return source;
        }
        if (draft == null || draft.isOriginal()) {
            return null;
        }
        Optional<Long> original = desk.translationOf(draft.articleId(), draft.originalLanguage());
        ArticleDesk.Draft text = original.flatMap(desk::draft).orElse(null);
        if (text == null) {
            return null;
        }
        return switch (user.reading(text)) {
            case NEWEST -> text;
            case PUBLISHED -> desk.published(original.get()).orElse(null);
            case NONE -> null;
        };
    }
}
