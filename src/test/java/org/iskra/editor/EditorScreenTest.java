package org.iskra.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The parts of the editor's screen beside the form, over real HTTP: the live preview's endpoint, the word count,
 * what the page says about saving, and the figure upload the script sends when an image is dropped.
 */
@IskraIntegrationTest
class EditorScreenTest {

    private static final String PASSWORD = "an editor's screen passphrase";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    MessageSource messages;

    @LocalServerPort
    int port;

    @Test
    void thePreviewEndpointRendersTheBodyExactlyAsThePublishedArticleShowsIt() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String body = "## The vote\n\nThe nurses voted **yes** on [Friday](https://example.org/friday).\n\n"
                + "- wages\n- hours\n\n<script>alert(1)</script>\n\n> Solidarity.";
        String slug = "preview-" + UUID.randomUUID().toString().substring(0, 8);
        String path = create(editor, slug, "Nurses vote", body);
        editor.post(path + "/status", statusForm(editor.get(path).body(), "published"));

        String token = csrfOf(editor.get(path).body());
        HttpResponse<String> preview = editor.post("/admin/articles/preview",
                "_csrf=" + StaffBrowser.encode(token) + "&language=en&body=" + StaffBrowser.encode(body));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String published = Jsoup.parse(new Http(port).get("/en/articles/" + slug).body()).select("article div.body").html();
        assertThat(Jsoup.parseBodyFragment(preview.body()).body().html()).isEqualTo(published);
        assertThat(preview.body()).doesNotContain("<script");
        assertThat(Jsoup.parse(editor.get(path).body()).select("#preview h2").text())
                .as("the editor shows the preview beside the text from the start").isEqualTo("The vote");
    }

    @Test
    void thePreviewNeedsTheCsrfTokenAndRefusesBadInputInTheEditorsLanguage() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String token = csrfOf(editor.get("/admin/articles/new").body());

        HttpResponse<String> forged = editor.post("/admin/articles/preview", "body=" + StaffBrowser.encode("**forged**"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("<strong>forged</strong>");

        HttpResponse<String> missing = editor.postWithHeaders("/admin/articles/preview",
                "_csrf=" + StaffBrowser.encode(token), "Accept-Language", "ru");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo(message("editor.preview.error.missing", "ru"))
                .isNotEqualTo(message("editor.preview.error.missing", "en"));

        HttpResponse<String> tooLong = editor.postWithHeaders("/admin/articles/preview", "_csrf=" + StaffBrowser.encode(token)
                + "&body=" + "a".repeat(EditorForm.MAX_BODY + 1), "Accept-Language", "de");
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).isEqualTo(message("editor.error.body-too-long", "de"));

        HttpResponse<String> unknownLanguage = editor.postWithHeaders("/admin/articles/preview",
                "_csrf=" + StaffBrowser.encode(token) + "&body=x&language=xx-nowhere", "Accept-Language", "fr");
        assertThat(unknownLanguage.statusCode()).isEqualTo(400);
        assertThat(unknownLanguage.body()).isEqualTo(message("editor.error.language-unknown", "fr"));
    }

    @Test
    void theWordCountIsTheServersOnLoadAndWithEachPreviewAndLeavesMarkupOut() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        List<String> words = List.of("Dockers", "blocked", "the", "port", "of", "Odesa", "for", "3", "days");
        // bold, a heading mark, a link's address and a figure are not words a reader reads
        String body = "## " + words.get(0) + " " + words.get(1) + "\n\n**" + words.get(2) + "** " + words.get(3)
                + " [" + words.get(4) + "](https://example.org/a/long/address) " + String.join(" ", words.subList(5, words.size()))
                + ".\n\n{{< figure src=\"media:abc\" alt=\"a picture of something\" >}}";
        String path = create(editor, "count-" + UUID.randomUUID().toString().substring(0, 8), "Counted", body);

        Document page = Jsoup.parse(editor.get(path).body());
        assertThat(page.select("#word-count").attr("data-words")).isEqualTo(String.valueOf(words.size()));
        assertThat(page.select("#word-count").text()).contains(String.valueOf(words.size()));

        String more = body + "\n\nAnd two more.";
        HttpResponse<String> preview = editor.post("/admin/articles/preview", "_csrf=" + StaffBrowser.encode(csrfOf(page.outerHtml()))
                + "&language=en&body=" + StaffBrowser.encode(more));
        assertThat(preview.headers().firstValue(PreviewController.WORDS_HEADER)).hasValue(String.valueOf(words.size() + 3));

        String id = path.substring(path.lastIndexOf('/') + 1);
        Document translation = Jsoup.parse(editor.get("/admin/articles/new?from=" + id + "&language=ru").body());
        assertThat(translation.select(".original-words").attr("data-words")).as("the original's count beside the translation's")
                .isEqualTo(String.valueOf(words.size()));
    }

    @Test
    void thePageSaysWhetherTheTextIsSavedAndWhenInTheEditorsLanguage() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        Document blank = Jsoup.parse(editor.get("/admin/articles/new", "Accept-Language", "uk").body());
        assertThat(blank.select("#save-state").text()).isEqualTo(message("editor.autosave.not-saved", "uk"));
        assertThat(blank.select("#save-state").attr("aria-live")).isEqualTo("polite");

        String path = create(editor, "state-" + UUID.randomUUID().toString().substring(0, 8), "Saved state", "First words.");
        HttpResponse<String> shown = editor.get(path, "Accept-Language", "ru");
        Document page = Jsoup.parse(shown.body());
        String newest = Jsoup.parse(editor.get(path + "/history").body()).select("tbody tr time").first().attr("datetime");
        assertThat(page.select("#save-state time").attr("datetime")).as("the newest revision's time").isEqualTo(newest);
        String saved = message("editor.autosave.saved-at", "ru");
        assertThat(page.select("#save-state").text()).startsWith(saved.substring(0, saved.indexOf("{0}")));
        assertThat(HtmlChecker.errors(shown.body())).isEmpty();

        // the Preview button without script: the words in the form are not the stored ones
        HttpResponse<String> previewed = editor.post(path, form(shown.body(), "Saved state", "Other words.") + "&action=preview");
        assertThat(Jsoup.parse(previewed.body()).select("#save-state").text()).isEqualTo(message("editor.autosave.unsaved", "en"));
        assertThat(Jsoup.parse(previewed.body()).select("#save-state time")).isEmpty();

        // what the script's autosave (and Ctrl+S) answers: the new version and when it was saved
        HttpResponse<String> autosaved = editor.post(path + "/autosave", form(shown.body(), "Saved state", "Autosaved words."));
        assertThat(autosaved.statusCode()).isEqualTo(200);
        String savedAt = autosaved.body().replaceAll(".*\"savedAt\":\"([^\"]+)\".*", "$1");
        assertThat(OffsetDateTime.parse(savedAt)).isAfterOrEqualTo(OffsetDateTime.parse(newest));
        Document after = Jsoup.parse(editor.get(path).body());
        assertThat(after.select("#body").text()).isEqualTo("Autosaved words.");
        assertThat(OffsetDateTime.parse(after.select("#save-state time").attr("datetime")))
                .isAfterOrEqualTo(OffsetDateTime.parse(newest));
    }

    @Test
    void aDroppedImageIsStoredAndAnsweredAsTheFigureTheScriptPutsAtTheCursor() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String token = csrfOf(editor.get("/admin/articles/new").body());

        HttpResponse<String> stored = figure(editor, token, TestImages.jpeg(60, 40, 3), "Strikers at the gate");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("{{< figure src=\\\"media:").contains("alt=\\\"Strikers at the gate\\\"")
                .contains(jsonString(message("editor.figure.inserted-at-cursor", "en")));

        HttpResponse<String> noAlt = figure(editor, token, TestImages.jpeg(60, 40, 3), " ");
        assertThat(noAlt.statusCode()).isEqualTo(422);
        assertThat(noAlt.body()).contains(jsonString(message("editor.error.alt-missing", "en"))).doesNotContain("figure");

        HttpResponse<String> notAnImage = figure(editor, token, "just text".getBytes(StandardCharsets.UTF_8), "Alt");
        assertThat(notAnImage.statusCode()).isEqualTo(415);
    }

    private HttpResponse<String> figure(StaffBrowser browser, String token, byte[] file, String alt)
            throws Exception {
        String boundary = "----iskra" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.put("alt", alt);
        fields.put("caption", "");
        fields.put("credit", "Odesa section");
        for (var field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dropped.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.post("/admin/articles/figures", "multipart/form-data; boundary=" + boundary,
                out.toByteArray());
    }

    private String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    private static String jsonString(String text) {
        return text.replace("\"", "\\\"");
    }

    private StaffBrowser logIn(Role role) throws Exception {
        String email = "screen-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, role.name(), PASSWORD, List.of(new StaffRole(role, "")));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(email, PASSWORD);
        return browser;
    }

    private static String create(StaffBrowser browser, String slug, String title, String body) throws Exception {
        String page = browser.get("/admin/articles/new").body();
        HttpResponse<String> saved = browser.post("/admin/articles/new", form(page, title, body) + "&slug=" + slug + "&action=save");
        assertThat(saved.statusCode()).isEqualTo(303);
        return StaffBrowser.location(saved).replace("?done=saved", "");
    }

    private static String csrfOf(String pageHtml) {
        return Jsoup.parse(pageHtml).select("#editor input[name=_csrf]").attr("value");
    }

    private static String form(String pageHtml, String title, String body) {
        Document page = Jsoup.parse(pageHtml);
        return "_csrf=" + StaffBrowser.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=" + StaffBrowser.encode(page.select("#editor input[name=version]").attr("value"))
                + "&language=en&title=" + StaffBrowser.encode(title) + "&standfirst=" + StaffBrowser.encode("A standfirst.")
                + "&body=" + StaffBrowser.encode(body);
    }

    private static String statusForm(String pageHtml, String to) {
        var form = Jsoup.parse(pageHtml).select("section.workflow form:has(input[name=to][value=" + to + "])");
        return "_csrf=" + StaffBrowser.encode(form.select("input[name=_csrf]").attr("value"))
                + "&version=" + form.select("input[name=version]").attr("value") + "&to=" + to;
    }
}
