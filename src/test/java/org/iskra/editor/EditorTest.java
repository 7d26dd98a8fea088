package org.iskra.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.testsupport.Await;
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

/** Writing, previewing, publishing and revising articles in the back office, over real HTTP. */
@IskraIntegrationTest
class EditorTest {

    private static final String PASSWORD = "an editor's long passphrase";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ScheduledPublishing scheduledPublishing;

    @LocalServerPort
    int port;

    @Test
    void anEditorWritesPreviewsAndPublishesAndReadersSeeItAtOnce() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String slug = "strike-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> blank = editor.get("/admin/articles/new");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(blank.body())).isEmpty();
        HttpResponse<String> script = new Http(port).get(Jsoup.parse(blank.body()).select("script[src]").attr("src"));
        assertThat(script.statusCode()).as("the editor's script is served").isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");

        String form = form(blank.body(), "en", slug, "Dockers strike in Odesa", "**Dockers** walked out on Monday.");
        HttpResponse<String> preview = editor.post("/admin/articles/new", form + "&action=preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        Document previewed = Jsoup.parse(preview.body());
        assertThat(previewed.select("#preview strong").text()).isEqualTo("Dockers");
        assertThat(previewed.select("#body").text()).contains("**Dockers** walked out");
        assertThat(HtmlChecker.errors(preview.body())).isEmpty();
        assertThat(new Http(port).get("/en/articles/" + slug).statusCode()).as("a preview saves nothing").isEqualTo(404);

        HttpResponse<String> saved = editor.post("/admin/articles/new", form + "&action=save");
        assertThat(saved.statusCode()).isEqualTo(303);
        String path = saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");
        HttpResponse<String> page = editor.get(path + "?done=saved");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select(".status").text()).isEqualTo("Draft");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(new Http(port).get("/en/articles/" + slug).statusCode()).as("a draft is not public").isEqualTo(404);

        long started = System.nanoTime();
        HttpResponse<String> published = editor.post(path + "/status", statusForm(page.body(), "published"));
        assertThat(published.statusCode()).isEqualTo(303);
        HttpResponse<String> reader = new Http(port).get("/en/articles/" + slug);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Publish to visible: " + millis + " ms");
        assertThat(reader.statusCode()).as("visible right after publishing").isEqualTo(200);
        assertThat(Jsoup.parse(reader.body()).select("article strong").text()).isEqualTo("Dockers");
        // search follows the same change: the article is found by a word of its title
        Await.until("the published article is in the search index", () ->
                new Http(port).get("/en/search?q=Odesa+dockers").body().contains("/en/articles/" + slug));

        HttpResponse<String> list = editor.get("/admin/articles?q=" + StaffBrowser.encode("dockers strike") + "&status=published&language=en");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(list.body()).select("table.report a").eachText()).contains("Dockers strike in Odesa");
        assertThat(HtmlChecker.errors(list.body())).isEmpty();
        assertThat(Jsoup.parse(editor.get("/admin/articles?q=dockers&status=draft").body()).select("table.report a").eachText())
                .doesNotContain("Dockers strike in Odesa");

        // editing a published article keeps the published text until it is published again
        HttpResponse<String> edited = editor.post(path, form(editor.get(path).body(), "en", slug, "Dockers strike in Odesa",
                "**Dockers** walked out on Tuesday.") + "&action=save");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(new Http(port).get("/en/articles/" + slug).body()).contains("on Monday");
        editor.post(path + "/status", statusForm(editor.get(path).body(), "published"));
        assertThat(new Http(port).get("/en/articles/" + slug).body()).contains("on Tuesday");

        editor.post(path + "/status", statusForm(editor.get(path).body(), "unpublished"));
        assertThat(new Http(port).get("/en/articles/" + slug).statusCode()).isEqualTo(404);
    }

    @Test
    void aTranslationStartsFromTheOriginalsWordsAndJoinsItsArticle() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String path = create(editor, "Miners strike", "The miners stopped work.");
        editor.post(path + "/status", statusForm(editor.get(path).body(), "published"));
        String id = path.substring(path.lastIndexOf('/') + 1);

        HttpResponse<String> start = editor.get("/admin/articles/new?from=" + id + "&language=ru");
        assertThat(start.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(start.body());
        assertThat(page.select("#body").text()).isEqualTo("The miners stopped work.");
        assertThat(page.select("#editor input[name=from]").attr("value")).isEqualTo(id);
        assertThat(HtmlChecker.errors(start.body())).isEmpty();
        assertThat(editor.get("/admin/articles/new?from=" + id + "&language=en").headers().firstValue("Location"))
                .as("the article has an English text already").hasValue(path);

        String slug = "shahtery-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> saved = editor.post("/admin/articles/new",
                form(start.body(), "ru", slug, "Шахтёры бастуют", "Шахтёры остановили работу.") + "&from=" + id + "&action=save");
        assertThat(saved.statusCode()).isEqualTo(303);
        String russian = saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");
        editor.post(russian + "/status", statusForm(editor.get(russian).body(), "published"));
        HttpResponse<String> reader = new Http(port).get("/ru/articles/" + slug);
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(reader.body()).select("link[rel=alternate][hreflang=en]")).isNotEmpty();

        // the original changes: the translation is outdated, and an edit of its words does not hide that
        editor.post(path, form(editor.get(path).body(), "en", "", "Miners strike", "The miners stopped work again.") + "&action=save");
        editor.post(path + "/status", statusForm(editor.get(path).body(), "published"));
        editor.post(russian, form(editor.get(russian).body(), "ru", slug, "Шахтёры бастуют", "Шахтёры остановили работу!") + "&action=save");
        // one row per article, by its original; the Russian title beside it, and its Russian marker says outdated
        Document outdated = Jsoup.parse(editor.get("/admin/articles?outdated=true&language=ru").body());
        assertThat(outdated.select("table.report .other-title").eachText()).contains("Шахтёры бастуют");
        assertThat(outdated.select("table.report a.marker-outdated[href=" + russian + "]")).hasSize(1);

        HttpResponse<String> twice = editor.post("/admin/articles/new",
                form(start.body(), "ru", "", "Ещё раз", "Другие слова.") + "&from=" + id + "&action=save");
        assertThat(twice.statusCode()).as("one translation per language").isEqualTo(409);
        assertThat(Jsoup.parse(twice.body()).select("#body").text()).isEqualTo("Другие слова.");
    }

    @Test
    void savingOverANewerVersionAnswers409AndKeepsTheText() throws Exception {
        StaffBrowser first = logIn(Role.EDITOR);
        StaffBrowser second = logIn(Role.ADMINISTRATOR);
        String path = create(first, "Rent strike", "The first words.");
        String loadedByFirst = first.get(path).body();
        String loadedBySecond = second.get(path).body();

        assertThat(second.post(path, form(loadedBySecond, "en", "", "Rent strike", "The second person's words.") + "&action=save").statusCode())
                .isEqualTo(303);
        HttpResponse<String> conflict = first.post(path, form(loadedByFirst, "en", "", "Rent strike", "My own careful words.") + "&action=save");
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.body());
        assertThat(page.select("#body").text()).isEqualTo("My own careful words.");
        assertThat(page.select(".conflict").text()).contains("someone else changed this article");
        assertThat(HtmlChecker.errors(conflict.body())).isEmpty();
        assertThat(Jsoup.parse(first.get(path).body()).select("#body").text()).as("nothing was overwritten")
                .isEqualTo("The second person's words.");

        // the conflict page carries the newer version: saving again is a deliberate choice
        assertThat(first.post(path, form(conflict.body(), "en", "", "Rent strike", "My own careful words.") + "&action=save").statusCode())
                .isEqualTo(303);
        assertThat(Jsoup.parse(first.get(path).body()).select("#body").text()).isEqualTo("My own careful words.");

        // the script's autosave: a new version on success, 409 with a message when stale
        String current = first.get(path).body();
        HttpResponse<String> autosaved = first.post(path + "/autosave", form(current, "en", "", "Rent strike", "Autosaved words."));
        assertThat(autosaved.statusCode()).isEqualTo(200);
        assertThat(autosaved.body()).contains("\"version\"");
        HttpResponse<String> stale = first.post(path + "/autosave", form(current, "en", "", "Rent strike", "Stale words."));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(first.get(path).body()).select("#body").text()).isEqualTo("Autosaved words.");
    }

    @Test
    void everySaveIsARevisionThatCanBeComparedAndRestored() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String path = create(editor, "Wages", "Wages fell in September.");
        editor.post(path, form(editor.get(path).body(), "en", "", "Wages", "Wages fell in October.") + "&action=save");

        HttpResponse<String> history = editor.get(path + "/history");
        assertThat(history.statusCode()).isEqualTo(200);
        Document revisions = Jsoup.parse(history.body());
        assertThat(revisions.select("tbody tr")).hasSize(2);
        assertThat(revisions.select("tbody").text()).contains(editorEmail);
        assertThat(HtmlChecker.errors(history.body())).isEmpty();

        HttpResponse<String> diff = editor.get(path + "/diff?from=1&to=2");
        assertThat(diff.statusCode()).isEqualTo(200);
        Document compared = Jsoup.parse(diff.body());
        assertThat(compared.select("pre.diff del").eachText()).containsExactly("September");
        assertThat(compared.select("pre.diff ins").eachText()).containsExactly("October");
        assertThat(HtmlChecker.errors(diff.body())).isEmpty();
        assertThat(editor.get(path + "/diff?from=1&to=9").statusCode()).isEqualTo(404);
        assertThat(editor.get(path + "/diff?from=x&to=2").statusCode()).isEqualTo(404);

        String token = revisions.select("form.restore input[name=_csrf]").attr("value");
        String version = revisions.select("form.restore input[name=version]").attr("value");
        HttpResponse<String> restored = editor.post(path + "/restore",
                "_csrf=" + StaffBrowser.encode(token) + "&version=" + version + "&revision=1");
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(editor.get(path).body()).select("#body").text()).isEqualTo("Wages fell in September.");
        assertThat(Jsoup.parse(editor.get(path + "/history").body()).select("tbody tr")).as("restoring adds a revision").hasSize(3);
    }

    @Test
    void authorsWorkOnTheirOwnArticlesAndSubmitThemButDoNotPublish() throws Exception {
        StaffBrowser author = logIn(Role.AUTHOR);
        String path = create(author, "An author's piece", "Words of an author.");
        String page = author.get(path).body();
        assertThat(Jsoup.parse(page).select("section.workflow input[name=to]").eachAttr("value")).containsExactly("review");
        assertThat(author.post(path + "/status", statusFormWith(page, "published")).statusCode()).isEqualTo(403);
        assertThat(author.post(path + "/status", statusForm(page, "review")).statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(author.get(path).body()).select(".status").text()).isEqualTo("In review");

        StaffBrowser otherAuthor = logIn(Role.AUTHOR);
        assertThat(otherAuthor.get(path).statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(otherAuthor.get("/admin/articles").body()).select("table.report a").eachText())
                .doesNotContain("An author's piece");
        assertThat(Jsoup.parse(author.get("/admin/articles").body()).select("table.report a").eachText())
                .contains("An author's piece");

        StaffBrowser editor = logIn(Role.EDITOR);
        assertThat(Jsoup.parse(editor.get("/admin/articles?status=review").body()).select("table.report a").eachText())
                .contains("An author's piece");
        assertThat(editor.get("/admin/articles/999999999").statusCode()).isEqualTo(404);
        assertThat(logIn(Role.TRANSLATOR).get(path).statusCode()).as("an original is not a translator's to edit").isEqualTo(403);
    }

    @Test
    void aScheduledArticleIsPublishedByTheJobOnceItsTimeHasCome() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String slug = "scheduled-" + UUID.randomUUID().toString().substring(0, 8);
        String page = editor.get("/admin/articles/new").body();
        HttpResponse<String> saved = editor.post("/admin/articles/new", form(page, "en", slug, "Scheduled piece", "Later.") + "&action=save");
        String path = saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");

        String later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0).toLocalDateTime().toString();
        assertThat(editor.post(path + "/status", statusForm(editor.get(path).body(), "scheduled") + "&publishAt=" + later).statusCode())
                .isEqualTo(303);
        scheduledPublishing.publishDue();
        assertThat(new Http(port).get("/en/articles/" + slug).statusCode()).as("not yet due").isEqualTo(404);

        String past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withSecond(0).withNano(0).toLocalDateTime().toString();
        assertThat(editor.post(path + "/status", statusForm(editor.get(path).body(), "scheduled") + "&publishAt=" + past).statusCode())
                .isEqualTo(303);
        scheduledPublishing.publishDue();
        assertThat(new Http(port).get("/en/articles/" + slug).statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(editor.get(path).body()).select(".status").text()).isEqualTo("Published");

        HttpResponse<String> badTime = editor.post(path + "/status", statusForm(editor.get(path).body(), "unpublished").replace("to=unpublished", "to=scheduled") + "&publishAt=tomorrow");
        assertThat(badTime.statusCode()).as("published may not be scheduled").isEqualTo(403);
    }

    @Test
    void badInputIsRefusedInTheEditorsLanguageAndKeepsTheText() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String page = editor.get("/admin/articles/new").body();
        HttpResponse<String> missing = editor.post("/admin/articles/new", form(page, "en", "", "", "Text without a title.")
                .replace("&language=en", "&language=en") + "&action=save");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(missing.body()).select("#body").text()).isEqualTo("Text without a title.");
        assertThat(Jsoup.parse(missing.body()).select("[role=alert]").text()).contains("Give the article a title");
        assertThat(HtmlChecker.errors(missing.body())).isEmpty();

        HttpResponse<String> badSlug = editor.post("/admin/articles/new", form(page, "xx", "Not A Slug", "Title", "Body") + "&action=save");
        assertThat(badSlug.statusCode()).isEqualTo(422);
        assertThat(badSlug.body()).contains("lowercase Latin letters").contains("We do not publish in this language");

        String taken = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(editor.post("/admin/articles/new", form(page, "en", taken, "One", "Body") + "&action=save").statusCode()).isEqualTo(303);
        HttpResponse<String> twice = editor.post("/admin/articles/new", form(page, "en", taken, "Two", "Body") + "&action=save");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("already has this address");

        String path = create(editor, "Status", "Body");
        HttpResponse<String> unknown = editor.post(path + "/status", statusForm(editor.get(path).body(), "review").replace("to=review", "to=gone"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(editor.post(path, "_csrf=" + StaffBrowser.encode(editor.csrf(path)) + "&title=x&body=y&action=save").statusCode())
                .as("a form without its version may not overwrite").isEqualTo(409);
    }

    @Test
    void anUploadedImageIsInsertedAsAFigureAndBadFilesAreRefusedWithTheTextKept() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String path = create(editor, "Port blockade", "Dockers blocked the port.");
        String page = editor.get(path).body();

        HttpResponse<String> uploaded = upload(editor, path, page, "Unsaved words.", "photo.jpg", "image/jpeg",
                TestImages.jpeg(800, 500, 3), "Dockers at the gate", "The \"gate\" at dawn", "Photo: Odesa section");
        assertThat(uploaded.statusCode()).isEqualTo(200);
        Document withFigure = Jsoup.parse(uploaded.body());
        assertThat(withFigure.select("#body").text()).startsWith("Unsaved words.").contains("{{< figure src=\"media:")
                .contains("alt=\"Dockers at the gate\"").contains("caption=\"The ”gate” at dawn\"");
        assertThat(withFigure.select("#preview figure img").attr("alt")).isEqualTo("Dockers at the gate");
        assertThat(withFigure.select("#preview figcaption").text()).contains("Photo: Odesa section");
        assertThat(HtmlChecker.errors(uploaded.body())).isEmpty();
        assertThat(Jsoup.parse(editor.get(path).body()).select("#body").text()).as("uploading saves no text")
                .isEqualTo("Dockers blocked the port.");

        HttpResponse<String> notAnImage = upload(editor, path, page, "Kept words.", "notes.txt", "text/plain",
                "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Alt", "", "");
        assertThat(notAnImage.statusCode()).isEqualTo(415);
        assertThat(Jsoup.parse(notAnImage.body()).select("#body").text()).isEqualTo("Kept words.");
        assertThat(Jsoup.parse(notAnImage.body()).select("[role=alert]").text()).contains("not an image");

        HttpResponse<String> bomb = upload(editor, path, page, "Kept words.", "bomb.png", "image/png",
                pngHeader(100_000, 100_000), "Alt", "", "");
        assertThat(bomb.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bomb.body()).select("[role=alert]").text()).contains("too many pixels");

        HttpResponse<String> noAlt = upload(editor, path, page, "Kept words.", "photo.jpg", "image/jpeg",
                TestImages.jpeg(80, 50, 4), " ", "", "");
        assertThat(noAlt.statusCode()).isEqualTo(422);
        assertThat(noAlt.body()).contains("alt text");

        HttpResponse<String> tooLarge = upload(editor, path, page, "Kept words.", "big.jpg", "image/jpeg",
                new byte[3 * 1024 * 1024], "Alt", "", "");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    private static HttpResponse<String> upload(StaffBrowser browser, String path, String pageHtml, String body, String fileName,
                                               String type, byte[] file, String alt, String caption, String credit) throws Exception {
        Document page = Jsoup.parse(pageHtml);
        String boundary = "----iskra" + UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", page.select("#editor input[name=_csrf]").attr("value"));
        fields.put("version", page.select("#editor input[name=version]").attr("value"));
        fields.put("title", page.select("#title").attr("value"));
        fields.put("body", body);
        fields.put("alt", alt);
        fields.put("caption", caption);
        fields.put("credit", credit);
        fields.put("action", "upload");
        for (var field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return browser.post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** The start of a PNG whose header claims a huge size: a decompression bomb that must be refused unread. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    private String editorEmail;

    @Test
    void aTranslatorTranslatesIntoTheirLanguagesOnlyAndNeverWritesOriginals() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String original = create(editor, "Dockers walk out", "The dockers walked out at dawn.");
        editor.post(original + "/status", statusForm(editor.get(original).body(), "published"));
        String id = original.substring(original.lastIndexOf('/') + 1);

        String email = "translator-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Translator", PASSWORD, List.of(new StaffRole(Role.TRANSLATOR, "ar")));
        StaffBrowser translator = new StaffBrowser(port);
        translator.logIn(email, PASSWORD);

        HttpResponse<String> list = translator.get("/admin/articles");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(list.body()).select("a[href=/admin/articles/new]")).as("not offered to write originals").isEmpty();
        assertThat(translator.get("/admin/articles/new").statusCode()).as("no new originals").isEqualTo(403);
        assertThat(translator.get("/admin/articles/new?from=" + id + "&language=en").statusCode()).as("not their language").isEqualTo(403);
        assertThat(translator.get(original).statusCode()).as("the original is not theirs to edit").isEqualTo(403);

        HttpResponse<String> start = translator.get("/admin/articles/new?from=" + id + "&language=ar");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(start.body()).select("#body").text()).isEqualTo("The dockers walked out at dawn.");
        assertThat(Jsoup.parse(start.body()).select("table.aligned tr.block td.original[lang=en]").eachText())
                .as("the original beside the form, block by block, to read").containsExactly("The dockers walked out at dawn.");
        assertThat(HtmlChecker.errors(start.body())).isEmpty();
        String slug = "dockers-ar-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = translator.post("/admin/articles/new",
                form(start.body(), "en", slug, "Dockers", "Words.") + "&from=" + id + "&action=save");
        assertThat(refused.statusCode()).as("a form cannot switch to another language").isEqualTo(403);
        HttpResponse<String> saved = translator.post("/admin/articles/new",
                form(start.body(), "ar", slug, "إضراب عمال الموانئ", "أضرب عمال الموانئ عند الفجر.") + "&from=" + id + "&action=save");
        assertThat(saved.statusCode()).isEqualTo(303);
        String arabic = saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");

        HttpResponse<String> mine = translator.get(arabic);
        assertThat(mine.statusCode()).isEqualTo(200);
        Document editing = Jsoup.parse(mine.body());
        assertThat(editing.select("table.aligned td.original[lang=en] strong").text()).isEqualTo("Dockers walk out");
        assertThat(editing.select("table.aligned tr.block td.original").text()).isEqualTo("The dockers walked out at dawn.");
        assertThat(editing.select("table.aligned tr.block td.translation[lang=ar]").eachText())
                .as("the translation's block beside the original's").containsExactly("أضرب عمال الموانئ عند الفجر.");
        assertThat(Jsoup.parse(mine.body()).select("section.workflow input[name=to]").eachAttr("value"))
                .as("a translator submits for review; editors publish").doesNotContain("published");
        assertThat(Jsoup.parse(translator.get("/admin/articles").body()).text()).contains("إضراب عمال الموانئ");
        assertThat(HtmlChecker.errors(mine.body())).isEmpty();
    }

    @Test
    void aTranslatorReadsOnlyPublishedOriginalsAsPublishedAndWhatIsTheirsAndNothingElseExists() throws Exception {
        StaffBrowser editor = logIn(Role.EDITOR);
        String draft = create(editor, "Unannounced strike plan", "The plan is secret until Friday.");
        String published = create(editor, "Dockers strike", "The dockers walked out.");
        editor.post(published + "/status", statusForm(editor.get(published).body(), "published"));
        editor.post(published, form(editor.get(published).body(), "en", "", "Dockers strike",
                "The dockers walked out. An unpublished correction.") + "&action=save");
        String withdrawn = create(editor, "Withdrawn piece", "Once public.");
        editor.post(withdrawn + "/status", statusForm(editor.get(withdrawn).body(), "published"));
        editor.post(withdrawn + "/status", statusForm(editor.get(withdrawn).body(), "unpublished"));
        String publishedId = id(published);
        HttpResponse<String> russianStart = editor.get("/admin/articles/new?from=" + publishedId + "&language=ru");
        HttpResponse<String> russianSaved = editor.post("/admin/articles/new", form(russianStart.body(), "ru",
                "dokery-" + UUID.randomUUID().toString().substring(0, 8), "Докеры", "Русский черновик.")
                + "&from=" + publishedId + "&action=save");
        String russian = russianSaved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");

        String email = "translator-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Translator", PASSWORD, List.of(new StaffRole(Role.TRANSLATOR, "ar")));
        StaffBrowser translator = new StaffBrowser(port);
        translator.logIn(email, PASSWORD);

        for (String other : List.of(draft, withdrawn, russian, "/admin/articles/999999999")) {
            HttpResponse<String> start = translator.get("/admin/articles/new?from=" + id(other) + "&language=ar");
            assertThat(start.statusCode()).as("starting from " + other).isEqualTo(404);
            assertThat(start.body()).doesNotContain("secret", "Once public", "Русский черновик");
            String token = Jsoup.parse(translator.get("/admin/articles").body()).select("input[name=_csrf]").attr("value");
            HttpResponse<String> preview = translator.post("/admin/articles/new", "_csrf=" + StaffBrowser.encode(token)
                    + "&language=ar&title=x&body=x&from=" + id(other) + "&action=preview");
            assertThat(preview.statusCode()).as("previewing from " + other).isIn(403, 404);
            assertThat(preview.body()).doesNotContain("secret", "Once public", "Русский черновик");
        }

        HttpResponse<String> start = translator.get("/admin/articles/new?from=" + publishedId + "&language=ar");
        assertThat(start.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(start.body());
        assertThat(page.select("#body").text()).as("the text readers see").isEqualTo("The dockers walked out.");
        assertThat(start.body()).doesNotContain("unpublished correction");
        HttpResponse<String> saved = translator.post("/admin/articles/new", form(start.body(), "ar",
                "dockers-ar-" + UUID.randomUUID().toString().substring(0, 8), "إضراب", "أضرب عمال الموانئ.")
                + "&from=" + publishedId + "&action=save");
        assertThat(saved.statusCode()).isEqualTo(303);
        String arabic = saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");
        HttpResponse<String> mine = translator.get(arabic);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(mine.body()).select("table.aligned tr.block td.original").text()).isEqualTo("The dockers walked out.");
        assertThat(mine.body()).doesNotContain("unpublished correction");
        assertThat(Jsoup.parse(editor.get(arabic).body()).select("table.aligned tr.block td.original").text())
                .as("an editor reads the newest words").contains("unpublished correction");
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private StaffBrowser logIn(Role role) throws Exception {
        String email = "editor-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, role.name(), PASSWORD, List.of(new StaffRole(role, role == Role.TRANSLATOR ? "en" : "")));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(email, PASSWORD);
        editorEmail = email;
        return browser;
    }

    /** Saves a new English article and answers its editor's path. */
    private static String create(StaffBrowser browser, String title, String body) throws Exception {
        String page = browser.get("/admin/articles/new").body();
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> saved = browser.post("/admin/articles/new", form(page, "en", slug, title, body) + "&action=save");
        assertThat(saved.statusCode()).isEqualTo(303);
        return saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");
    }

    /** The editor form of a page with new words, carrying the page's CSRF token and version. */
    private static String form(String pageHtml, String language, String slug, String title, String body) {
        Document page = Jsoup.parse(pageHtml);
        return "_csrf=" + StaffBrowser.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=" + StaffBrowser.encode(page.select("#editor input[name=version]").attr("value"))
                + "&language=" + language + "&slug=" + StaffBrowser.encode(slug) + "&title=" + StaffBrowser.encode(title)
                + "&standfirst=" + StaffBrowser.encode("A standfirst.") + "&body=" + StaffBrowser.encode(body)
                + "&attribution=" + StaffBrowser.encode("Odesa section") + "&regions=Europe&countries=UA&tags=" + StaffBrowser.encode("labour, strikes");
    }

    /** The workflow form that moves the translation to {@code to}, as the page offers it. */
    private static String statusForm(String pageHtml, String to) {
        Document page = Jsoup.parse(pageHtml);
        var form = page.select("section.workflow form:has(input[name=to][value=" + to + "])");
        assertThat(form).as("the page offers " + to).isNotEmpty();
        return "_csrf=" + StaffBrowser.encode(form.select("input[name=_csrf]").attr("value"))
                + "&version=" + form.select("input[name=version]").attr("value") + "&to=" + to;
    }

    /** A workflow form the page does not offer, as a hand-made request would send it. */
    private static String statusFormWith(String pageHtml, String to) {
        Document page = Jsoup.parse(pageHtml);
        return "_csrf=" + StaffBrowser.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=" + page.select("#editor input[name=version]").attr("value") + "&to=" + to;
    }
}
