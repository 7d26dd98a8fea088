package org.iskra.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpExchange;
import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.SaveResult;
import org.iskra.articles.TranslationInput;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.iskra.testsupport.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The static mirror, served from a sub-path by a plain static file server (the JDK's HttpServer), crawled the way a reader
 * clicks through it: every link, image, srcset, script and stylesheet answers inside it, no page names the live
 * site except its canonical and hreflang links, the signed manifest verifies (with the key the live site publishes),
 * a changed byte fails it, and a second run writes nothing.
 */
@IskraIntegrationTest
class MirrorTest {

    private static final String PREFIX = "/some/prefix/mirror/";
    private static final String JOIN_URL = "http://joinexample.onion";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String PASSWORD = "mirror passphrase for tests";

    @Autowired
    MirrorWriter mirror;

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @Autowired
    IskraProperties site;

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    HttpServer server;
    ArticleMother russian;
    ArticleMother english;
    SaveResult englishSaved;

    @BeforeEach
    void publishAnIllustratedArticleInTwoLanguages() throws Exception {
        MediaImage photo = media.store(TestImages.jpeg(1600, 1000, (int) (Math.random() * 1000)), "Фото: секция", null);
        String figure = "{{< figure src=\"media:" + photo.hash() + "\" alt=\"%s\" caption=\"%s\" >}}";
        OffsetDateTime date = OffsetDateTime.parse("2026-10-05T10:00:00Z");
        russian = ArticleMother.article().publishedAt(date).inLanguage("ru").writtenIn("ru").title("Забастовка в порту")
                .body("## Что произошло\n\n" + figure.formatted("Порт", "Порт утром") + "\n\nТекст [дальше](#что-делать).\n\n## Что делать\n\nОрганизоваться.")
                .regions("Кавказ").countries("AM").tags("забастовка");
        english = ArticleMother.article().publishedAt(date).inLanguage("en").writtenIn("ru").title("Strike at the harbour")
                .body("## What happened\n\n" + figure.formatted("The harbour", "The harbour at dawn") + "\n\nText.\n\n## What is to be done\n\nOrganize.")
                .regions("Caucasus").countries("AM").tags("strike");
        TranslationInput original = russian.input();
        writer.save(original);
        TranslationInput translation = english.input();
        englishSaved = writer.save(new TranslationInput(original.translationKey(), "en", "ru", english.slug(), translation.title(),
                translation.standfirst(), translation.body(), "Russian section", true, translation.publishedAt(), null,
                null, null, translation.regions(), translation.countries(), translation.tags(), "test"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX, this::serveFile);
        server.start();
    }

    /**
     * A plain static file server (Java 17 has no SimpleFileServer yet): the file at the path below the prefix, or 404;
     * no folder index, as on file://, so a link to a folder would fail the crawl.
     */
    private void serveFile(HttpExchange exchange) throws IOException {
        String below = exchange.getRequestURI().getPath().substring(PREFIX.length());
        Path file = dir.resolve(below).normalize();
        try {
            if (file.startsWith(dir) && Files.isRegularFile(file)) {
                byte[] bytes = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } finally {
            exchange.close();
        }
    }

    @AfterEach
    void stopTheFileServer() {
        server.stop(0);
    }

    @Test
    void aMirrorServedFromASubPathHoldsEveryPageItLinksAndVerifies() throws Exception {
        MirrorWriter.Summary first = mirror.write(dir, null);
        assertThat(first.pages()).as("pages rendered").isGreaterThan(10);
        assertThat(first.written()).isEqualTo(first.files());

        Crawl crawl = crawl();
        assertThat(crawl.broken).as("links that do not answer inside the mirror").isEmpty();
        assertThat(crawl.liveLinks).as("links to the live site other than canonical and hreflang").isEmpty();
        String englishPage = PREFIX + "en/articles/" + english.slug() + "/index.html";
        assertThat(crawl.pages).as("pages reached by following links")
                .contains(PREFIX + "index.html", PREFIX + "en/index.html", PREFIX + "ru/index.html", englishPage,
                        PREFIX + "ru/articles/" + russian.slug() + "/index.html", PREFIX + "en/search/index.html");
        Document article = crawl.documents.get(englishPage);
        List<String> termPages = article.select(".terms a").eachAttr("abs:href").stream()
                .map(href -> URI.create(href).getRawPath()).toList();
        assertThat(termPages).as("its region, country and tag pages").hasSize(3).allSatisfy(term ->
                assertThat(term).matches(java.util.regex.Pattern.quote(PREFIX) + "en/(regions|countries|tags)/[^/]+/index\\.html"));
        assertThat(crawl.pages).containsAll(termPages);
        String regionPage = termPages.get(0);
        assertThat(crawl.files).as("feeds, images and the stylesheet reached from the pages")
                .contains(PREFIX + "en/feed.atom", PREFIX + "en/feed.rss", regionPage.replace("index.html", "feed.rss"))
                .anySatisfy(file -> assertThat(file).startsWith(PREFIX + "media/"))
                .anySatisfy(file -> assertThat(file).startsWith(PREFIX + "assets/site.").endsWith(".css"));
        assertThat(Files.exists(dir.resolve("sitemap.xml"))).isTrue();
        assertThat(Files.readString(dir.resolve("robots.txt"))).contains("Sitemap: " + site.baseUrl() + "/sitemap.xml");

        assertThat(article.select("link[rel=canonical]").attr("href")).isEqualTo(site.baseUrl() + "/en/articles/" + english.slug());
        assertThat(article.select("link[rel=alternate][hreflang=ru]").attr("href")).isEqualTo(site.baseUrl() + "/ru/articles/" + russian.slug());
        assertThat(article.select(".join-us a").attr("href")).as("the join block leads to the server mirror readers reach")
                .startsWith(JOIN_URL + "/en/join");
        assertThat(article.select(".body img").attr("src")).startsWith("../../../media/");

        Document search = crawl.documents.get(PREFIX + "en/search/index.html");
        assertThat(search.select("noscript").html()).as("without script, where the full search is").contains(JOIN_URL + "/en/search");
        assertThat(Files.readString(dir.resolve("en/search-index.js"))).contains("Strike at the harbour")
                .contains("../articles/" + english.slug() + "/index.html");

        for (String page : List.of(PREFIX + "index.html", englishPage, PREFIX + "ru/articles/" + russian.slug() + "/index.html",
                regionPage, PREFIX + "en/search/index.html")) {
            assertThat(HtmlChecker.errors(crawl.html.get(page))).as("Nu checker on " + page).isEmpty();
        }

        String publishedKey = new Http(port).get(PublicKeyController.PATH).body();
        MirrorVerification.Result verified = MirrorVerification.verify(dir, SigningKey.fromPem(publishedKey));
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.files()).isEqualTo(first.files());
    }

    @Test
    void aSecondRunWritesNothingAndAChangedByteFailsVerification() throws Exception {
        mirror.write(dir, null);
        Map<Path, FileTime> before = modificationTimes();

        MirrorWriter.Summary second = mirror.write(dir, null);
        assertThat(second.written()).isZero();
        assertThat(second.removed()).isZero();
        assertThat(second.unchanged()).isEqualTo(second.files());
        assertThat(modificationTimes()).as("no file touched by the second run").isEqualTo(before);

        Path page = dir.resolve("en/articles/" + english.slug() + "/index.html");
        byte[] bytes = Files.readAllBytes(page);
        bytes[bytes.length / 2] ^= 1;
        Files.write(page, bytes);
        MirrorVerification.Result tampered = MirrorVerification.verify(dir, null);
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.problems()).containsExactly("en/articles/" + english.slug() + "/index.html: changed");

        Files.writeString(dir.resolve("en/extra.html"), "<p>not the site's</p>");
        assertThat(MirrorVerification.verify(dir, null).problems()).contains("en/extra.html: not in the manifest");
        Files.delete(dir.resolve("en/extra.html"));

        MirrorWriter.Summary repaired = mirror.write(dir, null);
        assertThat(repaired.written()).as("the changed page written again").isEqualTo(1);
        assertThat(MirrorVerification.verify(dir, null).problems()).isEmpty();
    }

    @Test
    void anUnpublishedTranslationsPagesAreRemoved() throws Exception {
        mirror.write(dir, null);
        Path page = dir.resolve("en/articles/" + english.slug() + "/index.html");
        assertThat(page).exists();

        writer.changeStatus(englishSaved.translationId(), englishSaved.version(), EditorialStatus.UNPUBLISHED, null);
        MirrorWriter.Summary after = mirror.write(dir, null);

        assertThat(after.removed()).isGreaterThanOrEqualTo(1);
        assertThat(page).doesNotExist();
        assertThat(page.getParent()).as("its emptied folder goes too").doesNotExist();
        assertThat(after.written()).as("the pages that listed or linked it").isGreaterThan(0);
        assertThat(Files.readString(dir.resolve("ru/articles/" + russian.slug() + "/index.html")))
                .doesNotContain(english.slug());
        assertThat(MirrorVerification.verify(dir, null).problems()).isEmpty();
    }

    @Test
    void anAdministratorStartsARunFromTheBackOfficeAndWatchesItEnd() throws Exception {
        String email = "mirror-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        accounts.create(email, "Mirror keeper", PASSWORD, List.of(new StaffRole(Role.ADMINISTRATOR, "")));
        StaffBrowser admin = new StaffBrowser(port);
        admin.logIn(email, PASSWORD);
        HttpResponse<String> form = admin.get("/admin/mirror");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(form.body())).isEmpty();
        String token = Jsoup.parse(form.body()).select("form[action=/admin/mirror] input[name=_csrf]").attr("value");

        HttpResponse<String> started = admin.post("/admin/mirror", "_csrf=" + StaffBrowser.encode(token));
        assertThat(started.statusCode()).isEqualTo(303);
        Document[] page = new Document[1];
        String[] body = new String[1];
        Await.until("the mirror run to end", Duration.ofSeconds(120), () -> {
            try {
                HttpResponse<String> response = admin.get("/admin/mirror");
                body[0] = response.body();
                page[0] = Jsoup.parse(response.body());
                return response.headers().firstValue("Refresh").isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(page[0].select("h2").text()).startsWith("The run of");
        assertThat(page[0].select("main").text()).containsPattern("[0-9,]+ pages, [0-9,]+ files:").doesNotContain("failed");
        assertThat(HtmlChecker.errors(body[0])).isEmpty();
        Path folder = Path.of("target/test-mirror-back-office").toAbsolutePath();
        assertThat(MirrorVerification.verify(folder, null).problems()).isEmpty();
        assertThat(Files.exists(folder.resolve("en/articles/" + english.slug() + "/index.html"))).isTrue();
    }

    private Map<Path, FileTime> modificationTimes() throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    /** What following every link from the mirror's top page found. */
    private static final class Crawl {
        final Set<String> pages = new HashSet<>();
        final Set<String> files = new HashSet<>();
        final Map<String, String> html = new HashMap<>();
        final Map<String, Document> documents = new HashMap<>();
        final List<String> broken = new ArrayList<>();
        final List<String> liveLinks = new ArrayList<>();
    }

    /** How the live site answers the page a mirror file stands for ({@code en/x/index.html} is {@code /en/x}). */
    private int liveStatus(String mirrorPath) throws Exception {
        String live = "/" + mirrorPath.substring(PREFIX.length());
        live = live.endsWith("/index.html") ? live.substring(0, live.length() - "/index.html".length()) : live;
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + (live.isEmpty() ? "/" : live))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Crawl crawl() throws Exception {
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        String liveHost = URI.create(site.baseUrl()).getHost() + ":" + URI.create(site.baseUrl()).getPort();
        Crawl crawl = new Crawl();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(PREFIX + "index.html"));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String path = queue.poll();
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(origin + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                // other classes sharing this application publish articles whose bodies link pages that do not
                // exist; what the live site does not have either is not missing from the mirror
                if (liveStatus(path) != 404) {
                    crawl.broken.add(path + " answered " + response.statusCode());
                }
                continue;
            }
            if (!path.endsWith(".html")) {
                crawl.files.add(path);
                continue;
            }
            crawl.pages.add(path);
            crawl.html.put(path, response.body());
            Document page = Jsoup.parse(response.body(), origin + path);
            crawl.documents.put(path, page);
            List<String> targets = new ArrayList<>();
            for (Element element : page.select("a[href], link[href], img[src], script[src], form[action], img[srcset], source[srcset]")) {
                boolean liveLink = element.tagName().equals("link") && (element.attr("rel").equals("canonical")
                        || (element.attr("rel").equals("alternate") && element.hasAttr("hreflang")));
                for (String attribute : List.of("href", "src", "action")) {
                    if (element.hasAttr(attribute)) {
                        String value = element.attr(attribute);
                        if (liveLink) {
                            assertThat(value).as("canonical and alternates point at the live site").startsWith(site.baseUrl() + "/");
                        } else {
                            targets.add(element.absUrl(attribute));
                        }
                    }
                }
                if (element.hasAttr("srcset")) {
                    for (String candidate : element.attr("srcset").split(",")) {
                        targets.add(URI.create(origin + path).resolve(candidate.strip().split(" ")[0]).toString());
                    }
                }
            }
            for (String target : targets) {
                URI uri = URI.create(target);
                if (uri.getAuthority() != null && uri.getAuthority().equals(liveHost)) {
                    crawl.liveLinks.add(path + " → " + target);
                } else if (target.startsWith(origin)) {
                    String targetPath = uri.getRawPath();
                    if (!targetPath.startsWith(PREFIX)) {
                        crawl.broken.add(path + " → " + target + " (outside the mirror)");
                    } else if (seen.add(targetPath)) {
                        queue.add(targetPath);
                    }
                }
            }
        }
        return crawl;
    }
}
