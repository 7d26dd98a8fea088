package org.iskra.editor;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditConflictException;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.EditorialUser;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moving a translation along the workflow: draft → review → scheduled → published → unpublished. Which moves a
 * user may make is the {@link EditorialUser}'s to say.
 */
@Controller
class WorkflowController {

    private final ArticleWriter writer;
    private final EditorDrafts drafts;
    private final EditorScreen screen;

    WorkflowController(ArticleWriter writer, EditorDrafts drafts, EditorScreen screen) {
        this.writer = writer;
        this.drafts = drafts;
        this.screen = screen;
    }

    @PostMapping("/admin/articles/{id}/status")
    ResponseEntity<byte[]> changeStatus(@PathVariable long id, @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String version,
                                        @RequestParam(required = false) String publishAt,
                                        EditorialUser user, Reader reader) {
        ArticleDesk.Draft draft = drafts.editable(id, user);
        EditorView current = EditorView.of(draft, drafts.formOf(draft));
        EditorialStatus target = status(to);
        if (target == null) {
            return screen.render(HttpStatus.BAD_REQUEST, reader, user, current.problem("editor.error.status-unknown"));
        }
        if (!user.mayMove(draft, target)) {
            throw new AccessDeniedException("may not move translation " + id + " to " + to);
        }
        OffsetDateTime at = null;
        if (target == EditorialStatus.SCHEDULED) {
            at = parseTime(publishAt);
            if (at == null) {
                return screen.render(HttpStatus.UNPROCESSABLE_CONTENT, reader, user,
                        current.problem("editor.error.schedule-invalid"));
            }
        }
        Integer expected = version != null && version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
        if (expected == null) {
            return screen.render(HttpStatus.BAD_REQUEST, reader, user, current.problem("editor.error.version-missing"));
        }
        try {
            writer.changeStatus(id, expected, target, at);
            return PageRenderer.seeOther("/admin/articles/" + id + "?done=" + target.value());
        } catch (ArticleRejectedException e) {
            return screen.render(HttpStatus.CONFLICT, reader, user, current.problem(EditorScreen.problemKey(e)));
        } catch (EditConflictException e) {
            return screen.render(HttpStatus.CONFLICT, reader, user, current.problem("editor.conflict.status"));
        }
    }

    /** The status a form names, or null when it names none. */
    private static EditorialStatus status(String value) {
        return value == null ? null
                : Arrays.stream(EditorialStatus.values()).filter(s -> s.value().equals(value)).findFirst().orElse(null);
    }

    /** A time the editor entered in UTC ({@code 2026-11-25T14:30}), or null when it is not one. */
    static OffsetDateTime parseTime(String value) {
        if (value == null || value.isBlank() || value.length() > 30) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
