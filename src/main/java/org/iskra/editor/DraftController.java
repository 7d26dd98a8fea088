package org.iskra.editor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditConflictException;
import org.iskra.articles.EditorialUser;
import org.iskra.articles.SaveResult;
import org.iskra.site.Messages;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Editing a saved translation: the form, saving it (Save, or Ctrl+S and the script's autosave). */
@Controller
class DraftController {

    private final ArticleWriter writer;
    private final EditorDrafts drafts;
    private final EditorScreen screen;
    private final FigureInsertion figures;

    DraftController(ArticleWriter writer, EditorDrafts drafts, EditorScreen screen,
                    FigureInsertion figures) {
        this.writer = writer;
        this.drafts = drafts;
        this.screen = screen;
        this.figures = figures;
    }

    @GetMapping("/admin/articles/{id}")
    ResponseEntity<byte[]> edit(@PathVariable long id, @RequestParam(required = false) String done,
                                EditorialUser user, Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        String notice = done != null && done.matches("[a-z-]{1,20}") ? "editor.done." + done : null;
        return screen.render(HttpStatus.OK, reader, user, EditorView.of(draft, drafts.formOf(draft)).notice(notice));
    }

    @PostMapping("/admin/articles/{id}")
    ResponseEntity<byte[]> save(@PathVariable long id, EditorForm form, @RequestParam(required = false) String action,
                                FigureUpload figure, EditorialUser user, Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        EditorForm kept = form.inLanguageOf(draft);
        if ("upload".equals(action)) {
            return screen.uploaded(reader, user, draft, kept, null, figures.insert(kept, figure));
        }
        List<String> problems = kept.problems();
        EditorView view = EditorView.of(draft, kept);
        if ("preview".equals(action) || !problems.isEmpty()) {
            return screen.previewed(problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT, reader, user,
                    view.problems(problems));
        }
        try {
            writer.edit(kept.toInput(draft, user.name()), kept.versionNumber());
            return PageRenderer.seeOther("/admin/articles/" + id + "?done=saved");
        } catch (ArticleRejectedException e) {
            return screen.rejected(reader, user, view, e);
        } catch (EditConflictException e) {
            return screen.conflict(reader, user, id, kept);
        }
    }

    /** The script's autosave: saves like the Save button and answers with the new version, or 409 on a conflict. */
    @PostMapping(value = "/admin/articles/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, EditorForm form, EditorialUser user,
                                                 Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        Messages t = reader.t();
        EditorForm kept = form.inLanguageOf(draft);
        Map<String, Object> answer = new LinkedHashMap<>();
        List<String> problems = kept.problems();
        if (!problems.isEmpty()) {
            answer.put("message", t.get(problems.get(0)));
            return json(HttpStatus.UNPROCESSABLE_CONTENT, answer);
        }
        try {
            SaveResult saved = writer.edit(kept.toInput(draft, user.name()), kept.versionNumber());
            answer.put("version", saved.version());
            // the page shows it in the staff member's own zone; the server's clock is the one that counts
            answer.put("savedAt", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
            answer.put("message", t.get("editor.autosave.saved"));
            return json(HttpStatus.OK, answer);
        } catch (ArticleRejectedException e) {
            answer.put("message", t.get(EditorScreen.problemKey(e)));
            return json(HttpStatus.UNPROCESSABLE_CONTENT, answer);
        } catch (EditConflictException e) {
            answer.put("version", e.currentVersion());
            answer.put("message", t.get("editor.conflict.autosave"));
            return json(HttpStatus.CONFLICT, answer);
        }
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }
}
