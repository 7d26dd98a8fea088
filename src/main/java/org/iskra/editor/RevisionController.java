package org.iskra.editor;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditConflictException;
import org.iskra.articles.EditorialUser;
import org.iskra.articles.RevisionText;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.iskra.translation.WordDiff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A translation's revisions: the history, a word-level comparison of two, and restoring an old one. */
@Controller
class RevisionController {

    private final ArticleDesk desk;
    private final ArticleWriter writer;
    private final EditorDrafts drafts;
    private final EditorScreen screen;
    private final PageRenderer renderer;

    RevisionController(ArticleDesk desk, ArticleWriter writer, EditorDrafts drafts, EditorScreen screen,
                       PageRenderer renderer) {
        this.desk = desk;
        this.writer = writer;
        this.drafts = drafts;
        this.screen = screen;
        this.renderer = renderer;
    }

    @GetMapping("/admin/articles/{id}/history")
    ResponseEntity<byte[]> history(@PathVariable long id, EditorialUser user, Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        HistoryPage page = new HistoryPage(reader.backOfficeFrame("editor.history.title"), draft, desk.revisions(id));
        return renderer.privatePage(HttpStatus.OK, "editor/history.jte", page, reader.language());
    }

    @GetMapping("/admin/articles/{id}/diff")
    ResponseEntity<byte[]> diff(@PathVariable long id, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, EditorialUser user, Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        RevisionText older = drafts.revision(id, from);
        RevisionText newer = drafts.revision(id, to);
        DiffPage page = new DiffPage(reader.backOfficeFrame("editor.diff.title"), draft,
                older, newer, WordDiff.diff(older.title(), newer.title()),
                WordDiff.diff(older.standfirst(), newer.standfirst()), WordDiff.diff(older.body(), newer.body()));
        return renderer.privatePage(HttpStatus.OK, "editor/diff.jte", page, reader.language());
    }

    /** Restoring makes the old words the newest revision; the history in between stays. */
    @PostMapping("/admin/articles/{id}/restore")
    ResponseEntity<byte[]> restore(@PathVariable long id, @RequestParam(required = false) String revision,
                                   @RequestParam(required = false) String version,
                                   EditorialUser user, Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        RevisionText old = drafts.revision(id, revision);
        EditorForm restored = drafts.formOf(draft).withText(old.title(), old.standfirst(), old.body());
        Integer expected = version != null && version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
        try {
            writer.edit(restored.toInput(draft, user.name()), expected);
            return PageRenderer.seeOther("/admin/articles/" + id + "?done=restored");
        } catch (ArticleRejectedException e) {
            return screen.render(HttpStatus.UNPROCESSABLE_CONTENT, reader, user,
                    EditorView.of(draft, restored).problem(EditorScreen.problemKey(e)));
        } catch (EditConflictException e) {
            return screen.conflict(reader, user, id, restored);
        }
    }
}
