package org.iskra.editor;

import org.iskra.articles.ArticleDesk;
import org.iskra.site.Languages;
import org.iskra.site.Reader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The script's live preview: the body as the public page renders it (the same renderer, sanitized), and its word
 * count in a header, so the count beside the text is always the server's. Without script the Preview button of
 * the form shows the same. A request the editor's page would never send gets a 4xx with the reason in words.
 */
@Controller
class PreviewController {

    static final String WORDS_HEADER = "Iskra-Words";

    private final ArticleDesk desk;
    private final Languages languages;

    PreviewController(ArticleDesk desk, Languages languages) {
        this.desk = desk;
        this.languages = languages;
    }

    @PostMapping(value = "/admin/articles/preview", produces = {MediaType.TEXT_HTML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<String> preview(@RequestParam(required = false) String body,
                                   @RequestParam(required = false) String language, Reader reader) {
        if (body == null) {
            return refused(HttpStatus.BAD_REQUEST, reader.t().get("editor.preview.error.missing"));
        }
        String markdown = body.replace("\r\n", "\n");
        if (markdown.length() > EditorForm.MAX_BODY) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, reader.t().get("editor.error.body-too-long"));
        }
        if (language != null && !languages.supports(language)) {
            return refused(HttpStatus.BAD_REQUEST, reader.t().get("editor.error.language-unknown"));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                .header(WORDS_HEADER, String.valueOf(WordCount.of(markdown, language)))
                .body(desk.preview(markdown));
    }

    private static ResponseEntity<String> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8)).body(message);
    }
}
