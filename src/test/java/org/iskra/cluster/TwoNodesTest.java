package org.iskra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iskra.IskraApplication;
import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.media.MediaVariant;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.iskra.testsupport.TestDatabase;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two nodes on one database, each with its own data folder, as behind a load balancer: this test application and a
 * second one started beside it. What one node stores, publishes or logs in, the other serves. On PostgreSQL this
 * is two nodes as in production; on H2 the two share the one embedded database of this JVM.
 */
@IskraIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    private static final String PASSWORD = "a passphrase for two nodes";
    private static final Pattern FIGURE = Pattern.compile("media:([0-9a-f]{64})");

    @Autowired
    Environment environment;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    MediaLibrary media;

    @LocalServerPort
    int port;

    ConfigurableApplicationContext other;
    Path otherData;
    int otherPort;
    int otherManagementPort;

    @BeforeAll
    void startTheOtherNode() throws IOException {
        otherData = TestDatabase.freshDataFolder();
        try (ServerSocket free = new ServerSocket(0)) {
            otherManagementPort = free.getLocalPort();
        }
        List<String> sameDatabase = new ArrayList<>(List.of("--server.port=0", "--iskra.demo=false",
                // as an administrator sets ISKRA_MANAGEMENT_PORT: metrics on a loopback port of their own
                "--management.server.port=" + otherManagementPort,
                "--iskra.data=" + otherData,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                // the same key file, as every node of an installation needs
                "--iskra.privacy.key-file=" + environment.getProperty("iskra.privacy.key-file")));
        for (String key : List.of("spring.flyway.default-schema", "spring.flyway.schemas",
                "spring.datasource.hikari.maximum-pool-size", "spring.datasource.hikari.minimum-idle")) {
            if (environment.containsProperty(key)) {
                sameDatabase.add("--" + key + "=" + environment.getProperty(key));
            }
        }
        other = new SpringApplicationBuilder(IskraApplication.class).run(sameDatabase.toArray(String[]::new));
        otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
    }

    @AfterAll
    void stopTheOtherNode() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void metricsAnswerOnTheManagementPortOnlyAndReadinessStaysOnTheSitesPort() throws Exception {
        Http management = new Http(otherManagementPort);
        HttpResponse<String> metrics = management.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        Http site = new Http(otherPort);
        assertThat(site.get("/actuator/prometheus").statusCode()).as("no metrics for the public").isIn(403, 404);
        assertThat(site.get("/readyz").statusCode()).as("a load balancer still asks the site's port").isEqualTo(200);
        assertThat(new Http(port).get("/actuator/prometheus").statusCode())
                .as("without a management port, metrics are not served at all").isEqualTo(403);
    }

    @Test
    void anImageUploadedThroughOneNodeIsServedByTheOther() throws Exception {
        StaffBrowser here = editor();
        String path = newArticle(here, "uploaded-" + UUID.randomUUID().toString().substring(0, 8), "With a photo");
        byte[] photo = TestImages.jpeg(1100, 700, 23);

        HttpResponse<String> uploaded = upload(here, path, here.get(path).body(), photo);

        assertThat(uploaded.statusCode()).isEqualTo(200);
        Matcher figure = FIGURE.matcher(Jsoup.parse(uploaded.body()).select("#body").text());
        assertThat(figure.find()).as("the body names the uploaded image").isTrue();
        MediaImage image = media.findByHash(figure.group(1)).orElseThrow();
        assertThat(otherData.resolve("media-cache")).as("nothing of it on the other node's disk")
                .satisfiesAnyOf(folder -> assertThat(folder).doesNotExist(), folder -> assertThat(folder).isEmptyDirectory());
        Http there = new Http(otherPort);
        for (MediaVariant variant : image.variants()) {
            HttpResponse<byte[]> served = there.getBytes(variant.url());
            assertThat(served.statusCode()).as(variant.url()).isEqualTo(200);
            try (var bytes = media.openVariant(variant.fileName()).orElseThrow()) {
                assertThat(served.body()).isEqualTo(bytes.readAllBytes());
            }
        }
        assertThat(Files.list(otherData.resolve("media-cache")).count()).as("now cached there")
                .isEqualTo(image.variants().size());
    }

    @Test
    void aPublishThroughOneNodeShowsOnTheOtherWithinTwoSeconds() throws Exception {
        StaffBrowser there = editor().onPort(otherPort);
        String slug = "published-" + UUID.randomUUID().toString().substring(0, 8);
        String path = newArticle(there, slug, "First words");
        assertThat(there.post(path + "/status", statusForm(there.get(path).body(), "published")).statusCode()).isEqualTo(303);
        Http here = new Http(port);
        Await.until("the article on this node", Duration.ofSeconds(2), () -> here.get("/en/articles/" + slug).statusCode() == 200);
        assertThat(title(here, slug)).as("now in this node's page cache").isEqualTo("First words");

        HttpResponse<String> page = there.get(path);
        assertThat(there.post(path, editForm(page.body(), "Second words")).statusCode()).isEqualTo(303);
        assertThat(there.post(path + "/status", statusForm(there.get(path).body(), "published")).statusCode()).isEqualTo(303);

        Await.until("the change on this node's cached page", Duration.ofSeconds(2),
                () -> title(here, slug).equals("Second words"));
    }

    @Test
    void aStaffSessionMovesBetweenTheNodes() throws Exception {
        StaffBrowser here = editor();
        StaffBrowser there = here.onPort(otherPort);

        assertThat(there.get("/admin/").statusCode()).as("logged in on this node, known on the other").isEqualTo(200);
        String path = newArticle(there, "moved-" + UUID.randomUUID().toString().substring(0, 8), "Started there");
        HttpResponse<String> back = here.get(path);
        assertThat(back.statusCode()).as("and the other way round").isEqualTo(200);
        assertThat(Jsoup.parse(back.body()).select("#title").attr("value")).isEqualTo("Started there");
        assertThat(here.post(path, editForm(back.body(), "Finished here")).statusCode()).isEqualTo(303);

        String logOut = "_csrf=" + StaffBrowser.encode(there.csrf("/admin/account"));
        assertThat(there.post("/admin/account/sessions", logOut).statusCode()).isEqualTo(303);
        assertThat(here.get("/admin/").statusCode()).as("logging out everywhere on one node ends it on both").isEqualTo(302);
    }

    private StaffBrowser editor() throws Exception {
        String email = "editor-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Editor", PASSWORD, List.of(new StaffRole(Role.EDITOR, "")));
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(browser.logIn(email, PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static String newArticle(StaffBrowser browser, String slug, String title) throws Exception {
        Document page = Jsoup.parse(browser.get("/admin/articles/new").body());
        String form = "_csrf=" + StaffBrowser.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=&language=en&slug=" + slug + "&title=" + StaffBrowser.encode(title)
                + "&standfirst=" + StaffBrowser.encode("Two nodes, one site.") + "&body=" + StaffBrowser.encode("A paragraph.")
                + "&attribution=&regions=&countries=&tags=&action=save";
        HttpResponse<String> saved = browser.post("/admin/articles/new", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        return saved.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");
    }

    private static String editForm(String html, String title) {
        Document page = Jsoup.parse(html);
        return "_csrf=" + StaffBrowser.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=" + page.select("#editor input[name=version]").attr("value")
                + "&language=en&slug=" + page.select("#editor input[name=slug]").attr("value")
                + "&title=" + StaffBrowser.encode(title) + "&standfirst=" + StaffBrowser.encode("Two nodes, one site.")
                + "&body=" + StaffBrowser.encode("A paragraph.") + "&attribution=&regions=&countries=&tags=&action=save";
    }

    private static String statusForm(String html, String to) {
        var form = Jsoup.parse(html).select("section.workflow form:has(input[name=to][value=" + to + "])");
        assertThat(form).as("the page offers " + to).isNotEmpty();
        return "_csrf=" + StaffBrowser.encode(form.select("input[name=_csrf]").attr("value"))
                + "&version=" + form.select("input[name=version]").attr("value") + "&to=" + to;
    }

    private static String title(Http http, String slug) {
        return Jsoup.parse(http.get("/en/articles/" + slug).body()).select("h1").text();
    }

    private static HttpResponse<String> upload(StaffBrowser browser, String path, String pageHtml, byte[] file) throws Exception {
        Document page = Jsoup.parse(pageHtml);
        String boundary = "----iskra" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", page.select("#editor input[name=_csrf]").attr("value"));
        fields.put("version", page.select("#editor input[name=version]").attr("value"));
        fields.put("title", page.select("#title").attr("value"));
        fields.put("body", "A paragraph.");
        fields.put("alt", "Two nodes");
        fields.put("caption", "");
        fields.put("credit", "");
        fields.put("action", "upload");
        for (var field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
