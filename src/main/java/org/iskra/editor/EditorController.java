package org.iskra.editor;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.articles.ArticleDesk;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditConflictException;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.RevisionText;
import org.iskra.articles.SaveResult;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.media.UnsupportedImageException;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.translation.WordDiff;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Writing and publishing in the back office: the article list, the editor with its preview, the workflow, and the
 * revision history. Authors work on the articles they created and may submit them for review; editors and
 * administrators work on all and publish, schedule and unpublish.
 */
@Controller
class EditorController {

    private static final List<String> STATUSES = Arrays.stream(EditorialStatus.values()).map(EditorialStatus::value).toList();

    private final ArticleDesk desk;
    private final ArticleWriter writer;
    private final Taxonomy taxonomy;
    private final MediaLibrary media;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final int pageSize;

    EditorController(ArticleDesk desk, ArticleWriter writer, Taxonomy taxonomy, MediaLibrary media, Languages languages,
                     PageFrames frames, PageRenderer renderer, IskraProperties properties) {
        this.media = media;
        this.desk = desk;
        this.writer = writer;
        this.taxonomy = taxonomy;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.pageSize = Math.max(20, properties.pageSize());
    }

    @GetMapping("/admin/articles")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String language, @RequestParam(required = false) String status,
                                @RequestParam(required = false) String author, @RequestParam(required = false) String region,
                                @RequestParam(required = false) String tag, @RequestParam(required = false) String outdated,
                                @RequestParam(required = false) String q, @RequestParam(required = false, defaultValue = "1") String page,
                                Authentication user, HttpServletRequest request) {
        if (!page.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException();
        }
        DeskAccess access = DeskAccess.of(user);
        boolean everyone = access.editor();
        boolean translatorOnly = access.translatorOnly();
        String shownLanguage = access.listedLanguage(blank(language));
        String shownAuthor = access.listedAuthor(blank(author));
        ArticleDesk.Filter filter = new ArticleDesk.Filter(shownLanguage, blank(status), shownAuthor,
                blank(region), blank(tag), "true".equals(outdated), blank(q));
        ArticleDesk.Page list = desk.list(filter, Integer.parseInt(page), pageSize);
        Language reader = languages.preferredBy(request);
        Messages t = frames.messages(reader);
        ArticleListPage model = new ArticleListPage(frames.backOfficeFrame(reader, t.get("editor.list.title")), filter, list,
                languages.all(), STATUSES, everyone ? desk.creators() : List.of(), everyone, !translatorOnly);
        return renderer.privatePage(HttpStatus.OK, "editor/list.jte", model, reader);
    }

    /** A new article, or with {@code from} a new translation of the article that translation belongs to. */
    @GetMapping("/admin/articles/new")
    ResponseEntity<byte[]> blank(@RequestParam(required = false) String language, @RequestParam(required = false) String from,
                                 CsrfToken csrf, Authentication user, HttpServletRequest request) {
        Language reader = languages.preferredBy(request);
        String code = language != null && languages.supports(language) ? language : reader.code();
        ArticleDesk.Draft source = source(from, user);
        mayStart(user, source, code);
        if (source == null) {
            return editor(HttpStatus.OK, reader, null, EditorForm.blank(code), null, List.of(), false, null, csrf, user);
        }
        Optional<Long> existing = desk.translationOf(source.articleId(), code);
        if (existing.isPresent()) {
            return seeOther("/admin/articles/" + existing.get());
        }
        // a translator starts from the source's words and terms and replaces them with their language's
        EditorForm start = EditorForm.of(source, taxonomy.termsOf(source.articleId(), source.language()))
                .forTranslation(code);
        return editor(HttpStatus.OK, reader, null, start, null, List.of(), false, null, csrf, user, source);
    }

    @PostMapping("/admin/articles/new")
    ResponseEntity<byte[]> create(EditorForm form, @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String from, FigureUpload figure, CsrfToken csrf,
                                  Authentication user, HttpServletRequest request) {
        Language reader = languages.preferredBy(request);
        ArticleDesk.Draft source = source(from, user);
        mayStart(user, source, form.language());
        if ("upload".equals(action)) {
            return upload(reader, null, form, figure, csrf, user, source);
        }
        List<String> problems = new ArrayList<>(form.problems());
        if (!languages.supports(form.language())) {
            problems.add("editor.error.language-unknown");
        }
        if ("preview".equals(action) || !problems.isEmpty()) {
            return editor(problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT, reader, null, form,
                    desk.preview(form.body()), problems, false, null, csrf, user, source);
        }
        String key = source == null ? "editor-" + UUID.randomUUID() : source.translationKey();
        String originalLanguage = source == null ? form.language() : source.originalLanguage();
        try {
            SaveResult saved = writer.edit(form.toInput(key, originalLanguage, source == null ? null : source.leadMediaId(),
                    user.getName()), null);
            return seeOther("/admin/articles/" + saved.translationId() + "?done=saved");
        } catch (ArticleRejectedException e) {
            return editor(HttpStatus.UNPROCESSABLE_CONTENT, reader, null, form, desk.preview(form.body()),
                    List.of(editorKey(e)), false, null, csrf, user, source);
        } catch (EditConflictException e) {
            // the article got a translation in this language meanwhile: show it, with this user's words kept
            return conflict(reader, e.translationId(), form, csrf, user);
        }
    }

    /** The translation a new translation starts from, as much of it as this user may read; null without one. */
    private ArticleDesk.Draft source(String from, Authentication user) {
        if (from == null || from.isBlank()) {
            return null;
        }
        if (!from.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException();
        }
        long id = Long.parseLong(from);
        DeskAccess access = DeskAccess.of(user);
        ArticleDesk.Draft text = desk.draft(id).orElseThrow(NotFoundException::new);
        return switch (access.reading(text)) {
            case NEWEST -> text;
            case PUBLISHED -> desk.published(id).orElseThrow(NotFoundException::new);
            case NONE -> throw access.translatorOnly() ? new NotFoundException()
                    : new AccessDeniedException("translation " + id + " is not theirs to open");
        };
    }

    private static void mayStart(Authentication user, ArticleDesk.Draft source, String language) {
        if (!DeskAccess.of(user).mayStart(source, language)) {
            throw new AccessDeniedException("a translator starts translations into their own languages only");
        }
    }

    @GetMapping("/admin/articles/{id}")
    ResponseEntity<byte[]> edit(@PathVariable long id, @RequestParam(required = false) String done, CsrfToken csrf,
                                Authentication user, HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        Language reader = languages.preferredBy(request);
        String notice = done != null && done.matches("[a-z-]{1,20}") ? "editor.done." + done : null;
        return editor(HttpStatus.OK, reader, draft, EditorForm.of(draft, taxonomy.termsOf(draft.articleId(), draft.language())),
                null, List.of(), false, notice, csrf, user);
    }

    @PostMapping("/admin/articles/{id}")
    ResponseEntity<byte[]> save(@PathVariable long id, EditorForm form, @RequestParam(required = false) String action,
                                FigureUpload figure, CsrfToken csrf, Authentication user, HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        Language reader = languages.preferredBy(request);
        // the language of an existing translation is fixed; a form cannot move it
        EditorForm kept = new EditorForm(form.version(), draft.language(), form.slug(), form.title(), form.standfirst(),
                form.body(), form.attribution(), form.regions(), form.countries(), form.tags());
        if ("upload".equals(action)) {
            return upload(reader, draft, kept, figure, csrf, user, null);
        }
        List<String> problems = kept.problems();
        if ("preview".equals(action) || !problems.isEmpty()) {
            return editor(problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT, reader, draft, kept,
                    desk.preview(kept.body()), problems, false, null, csrf, user);
        }
        try {
            writer.edit(kept.toInput(draft.translationKey(), draft.originalLanguage(), draft.leadMediaId(), user.getName()),
                    kept.versionNumber());
            return seeOther("/admin/articles/" + id + "?done=saved");
        } catch (ArticleRejectedException e) {
            return editor(HttpStatus.UNPROCESSABLE_CONTENT, reader, draft, kept, desk.preview(kept.body()),
                    List.of(editorKey(e)), false, null, csrf, user);
        } catch (EditConflictException e) {
            return conflict(reader, id, kept, csrf, user);
        }
    }

    /** The script's autosave: saves like the Save button and answers with the new version, or 409 on a conflict. */
    @PostMapping(value = "/admin/articles/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, EditorForm form, Authentication user,
                                                 HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        Messages t = frames.messages(languages.preferredBy(request));
        EditorForm kept = new EditorForm(form.version(), draft.language(), form.slug(), form.title(), form.standfirst(),
                form.body(), form.attribution(), form.regions(), form.countries(), form.tags());
        Map<String, Object> answer = new LinkedHashMap<>();
        List<String> problems = kept.problems();
        if (!problems.isEmpty()) {
            answer.put("message", t.get(problems.get(0)));
            return json(HttpStatus.UNPROCESSABLE_CONTENT, answer);
        }
        try {
            SaveResult saved = writer.edit(kept.toInput(draft.translationKey(), draft.originalLanguage(), draft.leadMediaId(),
                    user.getName()), kept.versionNumber());
            answer.put("version", saved.version());
            answer.put("message", t.get("editor.autosave.saved"));
            return json(HttpStatus.OK, answer);
        } catch (ArticleRejectedException e) {
            answer.put("message", t.get(editorKey(e)));
            return json(HttpStatus.UNPROCESSABLE_CONTENT, answer);
        } catch (EditConflictException e) {
            answer.put("version", e.currentVersion());
            answer.put("message", t.get("editor.conflict.autosave"));
            return json(HttpStatus.CONFLICT, answer);
        }
    }

    /** The script's live preview: the body as the public page renders it, sanitized. */
    @PostMapping(value = "/admin/articles/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@RequestParam(required = false) String body) {
        String markdown = body == null ? "" : body.replace("\r\n", "\n");
        if (markdown.length() > EditorForm.MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).cacheControl(CacheControl.noStore()).body("");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(desk.preview(markdown));
    }

    @PostMapping("/admin/articles/{id}/status")
    ResponseEntity<byte[]> changeStatus(@PathVariable long id, @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String version,
                                        @RequestParam(required = false) String publishAt, CsrfToken csrf,
                                        Authentication user, HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        Language reader = languages.preferredBy(request);
        EditorForm current = EditorForm.of(draft, taxonomy.termsOf(draft.articleId(), draft.language()));
        if (to == null || !STATUSES.contains(to)) {
            return editor(HttpStatus.BAD_REQUEST, reader, draft, current, null, List.of("editor.error.status-unknown"),
                    false, null, csrf, user);
        }
        EditorialStatus target = EditorialStatus.of(to);
        if (!transitions(draft, user).contains(to)) {
            throw new AccessDeniedException("may not move translation " + id + " to " + to);
        }
        OffsetDateTime at = null;
        if (target == EditorialStatus.SCHEDULED) {
            at = parseTime(publishAt);
            if (at == null) {
                return editor(HttpStatus.UNPROCESSABLE_CONTENT, reader, draft, current, null,
                        List.of("editor.error.schedule-invalid"), false, null, csrf, user);
            }
        }
        Integer expected = version != null && version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
        if (expected == null) {
            return editor(HttpStatus.BAD_REQUEST, reader, draft, current, null, List.of("editor.error.version-missing"),
                    false, null, csrf, user);
        }
        try {
            writer.changeStatus(id, expected, target, at);
            return seeOther("/admin/articles/" + id + "?done=" + to);
        } catch (ArticleRejectedException e) {
            return editor(HttpStatus.CONFLICT, reader, draft, current, null, List.of(editorKey(e)), false, null, csrf, user);
        } catch (EditConflictException e) {
            return editor(HttpStatus.CONFLICT, reader, draft, current, null, List.of("editor.conflict.status"), false, null,
                    csrf, user);
        }
    }

    @GetMapping("/admin/articles/{id}/history")
    ResponseEntity<byte[]> history(@PathVariable long id, CsrfToken csrf, Authentication user, HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        Language reader = languages.preferredBy(request);
        HistoryPage page = new HistoryPage(frames.backOfficeFrame(reader, frames.messages(reader).get("editor.history.title")),
                draft, desk.revisions(id), csrf.getParameterName(), csrf.getToken());
        return renderer.privatePage(HttpStatus.OK, "editor/history.jte", page, reader);
    }

    @GetMapping("/admin/articles/{id}/diff")
    ResponseEntity<byte[]> diff(@PathVariable long id, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, Authentication user, HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        RevisionText older = revision(id, from);
        RevisionText newer = revision(id, to);
        Language reader = languages.preferredBy(request);
        DiffPage page = new DiffPage(frames.backOfficeFrame(reader, frames.messages(reader).get("editor.diff.title")), draft,
                older, newer, WordDiff.diff(older.title(), newer.title()),
                WordDiff.diff(older.standfirst(), newer.standfirst()), WordDiff.diff(older.body(), newer.body()));
        return renderer.privatePage(HttpStatus.OK, "editor/diff.jte", page, reader);
    }

    /** Restoring makes the old words the newest revision; the history in between stays. */
    @PostMapping("/admin/articles/{id}/restore")
    ResponseEntity<byte[]> restore(@PathVariable long id, @RequestParam(required = false) String revision,
                                   @RequestParam(required = false) String version, CsrfToken csrf, Authentication user,
                                   HttpServletRequest request) {
        ArticleDesk.Draft draft = draftFor(id, user);
        RevisionText old = revision(id, revision);
        Language reader = languages.preferredBy(request);
        EditorForm restored = EditorForm.of(draft, taxonomy.termsOf(draft.articleId(), draft.language()))
                .withText(old.title(), old.standfirst(), old.body());
        Integer expected = version != null && version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
        try {
            writer.edit(restored.toInput(draft.translationKey(), draft.originalLanguage(), draft.leadMediaId(), user.getName()),
                    expected);
            return seeOther("/admin/articles/" + id + "?done=restored");
        } catch (ArticleRejectedException e) {
            return editor(HttpStatus.UNPROCESSABLE_CONTENT, reader, draft, restored, null, List.of(editorKey(e)), false,
                    null, csrf, user);
        } catch (EditConflictException e) {
            return conflict(reader, id, restored, csrf, user);
        }
    }

    /**
     * Stores an uploaded image as the importer does and adds it to the end of the body as a figure. Nothing is
     * saved yet: the form comes back with the user's words and the figure, and Save keeps both.
     */
    private ResponseEntity<byte[]> upload(Language reader, ArticleDesk.Draft draft, EditorForm form, FigureUpload figure,
                                          CsrfToken csrf, Authentication user, ArticleDesk.Draft source) {
        String problem = null;
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        MediaImage image = null;
        if (figure.file() == null || figure.file().isEmpty()) {
            problem = "editor.figure.missing";
        } else if (figure.cleanAlt().isEmpty()) {
            problem = "editor.error.alt-missing";
        } else if (figure.cleanCredit().length() > FigureUpload.MAX_CREDIT) {
            problem = "editor.error.credit-invalid";
        } else {
            try {
                image = media.store(figure.file().getBytes(), figure.cleanCredit().isEmpty() ? null : figure.cleanCredit(), null);
            } catch (UnsupportedImageException e) {
                problem = e.reason();
                status = mediaStatus(e.reason());
            } catch (IllegalArgumentException e) {
                problem = "editor.error.credit-invalid";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (image == null) {
            return editor(status, reader, draft, form, desk.preview(form.body()), List.of(problem), false, null, csrf, user, source);
        }
        EditorForm withFigure = form.withFigure(figure.shortcode(image.hash()));
        return editor(HttpStatus.OK, reader, draft, withFigure, desk.preview(withFigure.body()), List.of(), false,
                "editor.figure.inserted", csrf, user, source);
    }

    private static HttpStatus mediaStatus(String reason) {
        if (reason.endsWith("not-an-image") || reason.endsWith("unsupported-format")) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        return reason.endsWith("too-large") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private ResponseEntity<byte[]> conflict(Language reader, long id, EditorForm theirs, CsrfToken csrf, Authentication user) {
        ArticleDesk.Draft newer = desk.draft(id).orElseThrow(NotFoundException::new);
        // the form keeps this user's words; with the newer version in it, saving again deliberately replaces that one
        return editor(HttpStatus.CONFLICT, reader, newer, theirs.withVersion(newer.version()), desk.preview(theirs.body()),
                List.of(), true, null, csrf, user);
    }

    private ResponseEntity<byte[]> editor(HttpStatus status, Language reader, ArticleDesk.Draft draft, EditorForm form,
                                          String previewHtml, List<String> problems, boolean conflict, String notice,
                                          CsrfToken csrf, Authentication user) {
        return editor(status, reader, draft, form, previewHtml, problems, conflict, notice, csrf, user, null);
    }

    private ResponseEntity<byte[]> editor(HttpStatus status, Language reader, ArticleDesk.Draft draft, EditorForm form,
                                          String previewHtml, List<String> problems, boolean conflict, String notice,
                                          CsrfToken csrf, Authentication user, ArticleDesk.Draft source) {
        Messages t = frames.messages(reader);
        String title = draft == null ? t.get("editor.new.title") : t.get("editor.edit.title", draft.title());
        EditorPage page = new EditorPage(frames.backOfficeFrame(reader, title), draft, form, previewHtml, problems, conflict,
                notice, csrf.getParameterName(), csrf.getToken(), draft == null ? List.of() : transitions(draft, user),
                languages.all(), frames.assetPath("assets/article-editor.js"), source, originalBeside(draft, source, user));
        return renderer.privatePage(status, "editor/edit.jte", page, reader);
    }

    /**
     * What a translator reads beside the form: the text a new translation starts from, or the original of the
     * translation being edited; nothing for an original.
     */
    private ArticleDesk.Draft originalBeside(ArticleDesk.Draft draft, ArticleDesk.Draft source, Authentication user) {
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
        return switch (DeskAccess.of(user).reading(text)) {
            case NEWEST -> text;
            case PUBLISHED -> desk.published(original.get()).orElse(null);
            case NONE -> null;
        };
    }

    /** Where this user may move the translation from its current status. */
    private static List<String> transitions(ArticleDesk.Draft draft, Authentication user) {
        EditorialStatus from = EditorialStatus.of(draft.status());
        boolean editor = DeskAccess.of(user).editor();
        List<String> allowed = new ArrayList<>();
        for (EditorialStatus to : EditorialStatus.values()) {
            boolean authorMay = to == EditorialStatus.REVIEW || to == EditorialStatus.DRAFT;
            boolean again = to == from && to == EditorialStatus.PUBLISHED && !draft.hasUnpublishedChanges();
            if (from.mayBecome(to) && (editor || authorMay) && !again) {
                allowed.add(to.value());
            }
        }
        return allowed;
    }

    private ArticleDesk.Draft draftFor(long id, Authentication user) {
        ArticleDesk.Draft draft = desk.draft(id).orElseThrow(NotFoundException::new);
        if (!DeskAccess.of(user).mayEdit(draft)) {
            throw new AccessDeniedException("neither the author of translation " + id + " nor a translator into its language");
        }
        return draft;
    }

    private RevisionText revision(long id, String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundException();
        }
        return desk.revision(id, Integer.parseInt(number)).orElseThrow(NotFoundException::new);
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

    private static final List<String> EXPLAINED = List.of("slug-invalid", "slug-taken", "title-missing", "transition");

    /** The writer's reasons are named {@code articles.error.*}; the editor shows its own words for those it can meet. */
    private static String editorKey(ArticleRejectedException e) {
        String reason = e.reason().substring(e.reason().lastIndexOf('.') + 1);
        return "editor.error." + (EXPLAINED.contains(reason) ? reason : "rejected");
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }
}
