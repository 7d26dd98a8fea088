package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator imports from the back office: uploads a zip of a Hugo site or a WordPress export, watches, reads. */
@IskraIntegrationTest
class ImportBackOfficeTest {

    private static final String PASSWORD = "import passphrase for tests";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ImportRunStore runs;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    StaffBrowser admin;

    @BeforeEach
    void logIn() throws Exception {
        String email = "importer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        accounts.create(email, "Importer", PASSWORD, List.of(new StaffRole(Role.ADMINISTRATOR, "")));
        admin = new StaffBrowser(port);
        admin.logIn(email, PASSWORD);
    }

    @Test
    void aZipOfAHugoSiteIsImportedAndItsSummaryShown() throws Exception {
        Path site = ImportedSite.fixture("hugo-site", dir.resolve("solidarity-site"));
        Files.write(site.resolve("content/en/posts/general-strike/strike.jpg"), TestImages.jpeg("strike", new Color(90, 20, 20)));
        HttpResponse<String> form = admin.get("/admin/import");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(form.body())).isEmpty();

        HttpResponse<String> started = upload(form.body(), "solidarity-site.zip", zip(dir.resolve("solidarity-site")), true);
        assertThat(started.statusCode()).isEqualTo(303);
        String runPath = started.headers().firstValue("Location").orElseThrow();

        Document done = finished(runPath);
        assertThat(done.select("pre.import-summary").text()).contains("Import finished with 1 failed file.")
                .contains("Languages added: he, ja, zh-CN").contains("content/uk/about.md: broken YAML front matter");
        assertThat(done.text()).contains("Some files could not be imported");
        assertThat(HtmlChecker.errors(admin.get(runPath).body())).isEmpty();
        assertThat(new Http(port).get("/2019/05/general-strike/").statusCode()).isEqualTo(301);
        assertThat(Jsoup.parse(admin.get("/admin/import").body()).select("li a[href=" + runPath + "]").text())
                .isEqualTo("solidarity-site.zip");
    }

    @Test
    void aWordPressExportIsImportedAsItIs() throws Exception {
        Path export = ImportedSite.fixture("wordpress-wpml.xml", dir.resolve("wpml.xml"));
        HttpResponse<String> started = upload(admin.get("/admin/import").body(), "wpml.xml", Files.readAllBytes(export), false);
        Document done = finished(started.headers().firstValue("Location").orElseThrow());
        assertThat(done.select("pre.import-summary").text()).contains("Import finished.");
        assertThat(new Http(port).get("/es/articles/huelga-de-inquilinos").statusCode()).isEqualTo(200);
    }

    @Test
    void theSummaryIsInTheReadersLanguageWithWhatTheImporterSaidOfEachFileMarkedAsEnglish() throws Exception {
        ImportedSite.fixture("hugo-site", dir.resolve("solidarity-site"));
        HttpResponse<String> started = upload(admin.get("/admin/import").body(), "solidarity-site.zip",
                zip(dir.resolve("solidarity-site")), false);
        String runPath = started.headers().firstValue("Location").orElseThrow();
        finished(runPath);

        admin.chooseInterfaceLanguage("ru");
        HttpResponse<String> page = admin.get(runPath);
        Element summary = Jsoup.parse(page.body()).selectFirst("pre.import-summary");
        // the languages this import would add may be there already, from another test's import of the same site
        assertThat(summary.ownText()).startsWith("Импорт завершён, ").contains(" не удалось импортировать.")
                .containsPattern("статьи: создано \\d+, обновлено \\d+, без изменений \\d+")
                .contains("С ошибкой:").contains("content/uk/about.md:")
                .doesNotContain("Import finished").doesNotContain("created").doesNotContain("Failed:");
        assertThat(summary.select("span[lang=en]").text()).contains("broken YAML front matter");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
    }

    @Test
    void aZipThatNamesFilesOutsideItselfIsRefusedAndNothingIsWritten() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../escaped.md"));
            zip.write("---\ntitle: Escaped\n---\nText\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        HttpResponse<String> started = upload(admin.get("/admin/import").body(), "evil.zip", bytes.toByteArray(), false);
        Document done = finished(started.headers().firstValue("Location").orElseThrow());
        assertThat(done.select("pre.import-summary").text()).contains("Nothing was imported.")
                .contains("the zip names a file outside itself (../../escaped.md): refused");
        assertThat(done.text()).contains("Nothing could be read from this file");
    }

    @Test
    void aRunningImportShowsAProgressBarAndThePageReloadsItselfWithoutAScript() throws Exception {
        long id = runs.start("big-export.xml", false, "admin@example.org");
        runs.progress(id, 10_000, 2_500);

        HttpResponse<String> page = admin.get("/admin/import/" + id);

        assertThat(page.headers().firstValue("Refresh")).hasValue("2");
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("progress").attr("value")).isEqualTo("2500");
        assertThat(html.select("progress").attr("max")).isEqualTo("10000");
        assertThat(html.select("script")).isEmpty();
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
    }

    @Test
    void anUploadWithoutAFileIsRefusedWithAMessage() throws Exception {
        String token = Jsoup.parse(admin.get("/admin/import").body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> refused = admin.post("/admin/import", "_csrf=" + StaffBrowser.encode(token));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).isEqualTo("Choose a file to import.");
    }

    private Document finished(String runPath) throws Exception {
        Document[] page = new Document[1];
        Await.until("the import to finish", Duration.ofSeconds(60), () -> {
            HttpResponse<String> response;
            try {
                response = admin.get(runPath);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            page[0] = Jsoup.parse(response.body());
            return response.headers().firstValue("Refresh").isEmpty();
        });
        return page[0];
    }

    private HttpResponse<String> upload(String formHtml, String fileName, byte[] file, boolean addLanguages) throws Exception {
        String token = Jsoup.parse(formHtml).select("form[action=/admin/import] input[name=_csrf]").attr("value");
        String boundary = "----iskra" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (addLanguages) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"addLanguages\"\r\n\r\n1\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return admin.post("/admin/import", "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A zip of a folder, with the folder itself as the zip's one top entry, as archivers make them. */
    private static byte[] zip(Path folder) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
