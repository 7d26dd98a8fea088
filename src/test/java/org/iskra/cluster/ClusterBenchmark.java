package org.iskra.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The load of {@code bench/cluster.sh}, through the load balancer: readers reading pages and images, applicants
 * sending the join form, a staff member editing and publishing. It logs every request with its time, kind, status
 * and the node that answered (haproxy's {@code X-Served-By}), and what it measured itself (how long a publish took
 * to show on the other node, when a scheduled article appeared); {@link ClusterReport} turns the log into figures.
 *
 * <p>{@code load --phase=NAME --url=http://127.0.0.1:19500 --nodes=http://127.0.0.1:19521,http://127.0.0.1:19522
 * --seconds=600 --stop-file=FILE --out=DIR --email=… --password=… [--schedule-at-second=25]}: runs until FILE exists,
 * at most the given seconds.
 */
public final class ClusterBenchmark {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"token\"");
    private static final String READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /** One request as the client saw it: status -1 is a connection or read failure. */
    record Outcome(long at, String kind, int status, String node, String detail) {
        String line() {
            return at + "\t" + kind + "\t" + status + "\t" + node + "\t" + detail;
        }
    }

    private final URI base;
    private final List<URI> nodes;
    private final long end;
    private final Path stopFile;
    private final ConcurrentLinkedQueue<Outcome> log = new ConcurrentLinkedQueue<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final List<String> pages = new ArrayList<>();

    private ClusterBenchmark(URI base, List<URI> nodes, long end, Path stopFile) {
        this.base = base;
        this.nodes = nodes;
        this.end = end;
        this.stopFile = stopFile;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        Path out = Path.of(options.getOrDefault("out", "."));
        switch (args[0]) {
            case "load" -> load(options, out);
            case "report" -> System.exit(ClusterReport.run(options, out));
            default -> throw new IllegalArgumentException("usage: load|report --option=value ...");
        }
    }

    private static void load(Map<String, String> options, Path out) throws Exception {
        URI base = URI.create(options.getOrDefault("url", "http://127.0.0.1:19500"));
        List<URI> nodes = Arrays.stream(options.getOrDefault("nodes", "").split(",")).filter(s -> !s.isBlank())
                .map(URI::create).toList();
        long start = System.currentTimeMillis();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        Path stopFile = Path.of(options.getOrDefault("stop-file", out.resolve("stop").toString()));
        ClusterBenchmark bench = new ClusterBenchmark(base, nodes, start + seconds * 1000L, stopFile);
        bench.findPages();
        String phase = options.getOrDefault("phase", "load");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(options.getOrDefault("readers", "4")); i++) {
            threads.add(bench.thread("reader-" + i, bench::read));
        }
        for (int i = 0; i < Integer.parseInt(options.getOrDefault("applicants", "2")); i++) {
            threads.add(bench.thread("applicant-" + i, bench::apply));
        }
        String scheduleAt = options.get("schedule-at-second");
        threads.add(bench.thread("staff", () -> bench.staff(options.get("email"), options.get("password"),
                scheduleAt == null ? -1 : start + Long.parseLong(scheduleAt) * 1000L)));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        Files.createDirectories(out);
        Files.write(out.resolve(phase + "-requests.tsv"), bench.log.stream().map(Outcome::line).toList());
        Files.write(out.resolve(phase + "-join-sent.txt"), bench.sent);
        Files.write(out.resolve(phase + "-join-acknowledged.txt"), bench.acknowledged);
        Files.writeString(out.resolve(phase + "-window.txt"), start + "\t" + System.currentTimeMillis() + "\n");
        System.out.printf("%s: %,d requests in %d s, %,d join forms acknowledged%n", phase, bench.log.size(),
                (System.currentTimeMillis() - start) / 1000, bench.acknowledged.size());
    }

    private interface Work {
        void run() throws Exception;
    }

    private Thread thread(String name, Work work) {
        return new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                record("crash", -1, "", name + ": " + e);
            }
        }, name);
    }

    private boolean running() {
        return System.currentTimeMillis() < end && !Files.exists(stopFile);
    }

    private void record(String kind, int status, String node, String detail) {
        log.add(new Outcome(System.currentTimeMillis(), kind, status, node, detail));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The reader's round: the home page, the articles it links, their images. */
    private void findPages() throws Exception {
        HttpClient client = client();
        String home = client.send(HttpRequest.newBuilder(base.resolve("/en/")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Document page = Jsoup.parse(home);
        pages.add("/en/");
        page.select("a[href^=/en/articles/]").eachAttr("href").stream().distinct().limit(6).forEach(pages::add);
        page.select("img[src^=/media/]").eachAttr("src").stream().distinct().limit(4).forEach(pages::add);
        pages.add("/en/join");
        if (pages.size() < 3) {
            throw new IllegalStateException("the site shows too little to read: " + pages);
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("User-Agent", READER)
                .header("Accept-Encoding", "gzip").GET().build();
    }

    private void read() throws InterruptedException {
        HttpClient client = client();
        while (running()) {
            String path = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
            try {
                HttpResponse<Void> answer = client.send(get(base.resolve(path)), HttpResponse.BodyHandlers.discarding());
                record("read", answer.statusCode(), served(answer), path);
            } catch (IOException e) {
                record("read", -1, "", path + " " + e.getClass().getSimpleName());
            }
            Thread.sleep(10);
        }
    }

    /**
     * An applicant: fetches the form, sends it, and sends the same form again when no answer came (as a person
     * pressing the button again would); the form's token makes the second send store nothing new.
     */
    private void apply() throws InterruptedException {
        HttpClient client = client();
        while (running()) {
            String token;
            try {
                HttpResponse<String> form = client.send(get(base.resolve("/en/join")), HttpResponse.BodyHandlers.ofString());
                record("join-form", form.statusCode(), served(form), "");
                Matcher m = TOKEN.matcher(form.body());
                if (form.statusCode() != 200 || !m.find()) {
                    Thread.sleep(200);
                    continue;
                }
                token = m.group(1) != null ? m.group(1) : m.group(2);
            } catch (IOException e) {
                record("join-form", -1, "", e.getClass().getSimpleName());
                Thread.sleep(200);
                continue;
            }
            String key = UUID.randomUUID().toString().substring(0, 12);
            String body = "name=" + StaffSession.encode("Applicant " + key) + "&email=" + StaffSession.encode("a." + key + "@example.org")
                    + "&country=AM&city=Yerevan&message=" + StaffSession.encode("Cluster benchmark " + key)
                    + "&consent=yes&homepage=&token=" + StaffSession.encode(token);
            sent.add(token);
            for (int attempt = 1; attempt <= 4; attempt++) {
                int status;
                String node = "";
                try {
                    HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(base.resolve("/en/join"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                    status = answer.statusCode();
                    node = served(answer);
                } catch (IOException e) {
                    status = -1;
                }
                record(attempt == 1 ? "join" : "join-again", status, node, token.substring(0, 12));
                if (status == 303) {
                    acknowledged.add(token);
                    break;
                }
                if (status != -1 && status < 500) {
                    break; // refused for a reason of its own: sending it again changes nothing
                }
                Thread.sleep(500);
            }
            Thread.sleep(100);
        }
    }

    /**
     * The staff member: logs in once, then edits an article of their own and publishes a new one in turn. Every
     * publish is then looked for on each node directly; a login page instead of the editor means the session was
     * lost. With {@code scheduleAt}, one article is scheduled at the start to be published at that time.
     */
    private void staff(String email, String password, long scheduleAt) throws Exception {
        StaffSession staff = new StaffSession(base);
        if (!staff.logIn(email, password)) {
            throw new IllegalStateException("the staff member could not log in");
        }
        if (scheduleAt > 0) {
            String slug = "scheduled-" + UUID.randomUUID().toString().substring(0, 8);
            String path = create(staff, slug, "Scheduled during the benchmark");
            String at = LocalDateTime.ofEpochSecond(scheduleAt / 1000, 0, ZoneOffset.UTC).toString();
            HttpResponse<String> scheduled = staff.post(path + "/status", statusForm(staff.get(path).body(), "scheduled")
                    + "&publishAt=" + at);
            record("schedule", scheduled.statusCode(), served(scheduled), slug + " " + scheduleAt);
            new Thread(() -> watchScheduled(slug, scheduleAt), "scheduled-watch").start();
        }
        String edited = create(staff, "edited-" + UUID.randomUUID().toString().substring(0, 8), "Edited all along");
        int round = 0;
        while (running()) {
            round++;
            try {
                HttpResponse<String> page = staff.get(edited);
                record("staff", page.statusCode(), served(page), "open editor");
                if (page.statusCode() == 302) {
                    record("staff-session-lost", page.statusCode(), served(page), page.headers().firstValue("Location").orElse(""));
                    staff.logIn(email, password);
                    continue;
                }
                if (page.statusCode() == 200) {
                    HttpResponse<String> saved = staff.post(edited, editForm(page.body(), "Revision " + round));
                    record("staff", saved.statusCode(), served(saved), "save");
                }
                if (round % 3 == 0) {
                    publishAndWatch(staff);
                }
            } catch (IOException e) {
                record("staff", -1, "", e.getClass().getSimpleName());
            }
            Thread.sleep(1000);
        }
    }

    private String create(StaffSession staff, String slug, String title) throws Exception {
        String page = staff.get("/admin/articles/new").body();
        HttpResponse<String> saved = staff.post("/admin/articles/new", newForm(page, slug, title) + "&action=save");
        record("staff", saved.statusCode(), served(saved), "create " + slug);
        return saved.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "saving a new article answered " + saved.statusCode())).replace("?done=saved", "");
    }

    private void publishAndWatch(StaffSession staff) throws Exception {
        String slug = "published-" + UUID.randomUUID().toString().substring(0, 8);
        String path = create(staff, slug, "Published during the benchmark");
        HttpResponse<String> published = staff.post(path + "/status", statusForm(staff.get(path).body(), "published"));
        long at = System.currentTimeMillis();
        String by = served(published);
        record("staff", published.statusCode(), by, "publish " + slug);
        if (published.statusCode() != 303) {
            return;
        }
        HttpClient client = client();
        for (int i = 0; i < nodes.size(); i++) {
            URI node = nodes.get(i);
            long seen = -1;
            while (System.currentTimeMillis() - at < 20_000) {
                try {
                    if (client.send(get(node.resolve("/en/articles/" + slug)), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        seen = System.currentTimeMillis();
                        break;
                    }
                } catch (IOException nodeDown) {
                    break; // the node killed on purpose: nothing to see there
                }
                Thread.sleep(50);
            }
            // haproxy names the servers node1, node2 … in the order of --nodes
            record("publish-visible", seen < 0 ? -1 : 200, "node" + (i + 1), by + " " + (seen < 0 ? -1 : seen - at));
        }
    }

    private void watchScheduled(String slug, long due) {
        HttpClient client = client();
        while (System.currentTimeMillis() < end) {
            try {
                if (client.send(get(base.resolve("/en/articles/" + slug)), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    record("scheduled-visible", 200, "", slug + " " + (System.currentTimeMillis() - due));
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                // the balancer retries elsewhere; look again
            } catch (InterruptedException e) {
                return;
            }
        }
        record("scheduled-visible", -1, "", slug + " never");
    }

    private static String newForm(String html, String slug, String title) {
        Document page = Jsoup.parse(html);
        return "_csrf=" + StaffSession.encode(page.select("#editor input[name=_csrf]").attr("value"))
                + "&version=&language=en&slug=" + slug + "&title=" + StaffSession.encode(title)
                + "&standfirst=" + StaffSession.encode("Written while a node was killed.")
                + "&body=" + StaffSession.encode("A paragraph of the cluster benchmark.")
                + "&attribution=&regions=&countries=&tags=";
    }

    private static String editForm(String html, String text) {
        Document page = Jsoup.parse(html);
        StringBuilder form = new StringBuilder("action=save");
        for (String field : List.of("_csrf", "version", "language", "slug", "title", "standfirst", "attribution",
                "regions", "countries", "tags")) {
            String value = page.select("#editor [name=" + field + "]").val();
            form.append('&').append(field).append('=').append(StaffSession.encode(value));
        }
        form.append("&body=").append(StaffSession.encode(text));
        return form.toString();
    }

    private static String statusForm(String html, String to) {
        Document page = Jsoup.parse(html);
        var form = page.select("section.workflow form:has(input[name=to][value=" + to + "])");
        if (form.isEmpty()) {
            throw new IllegalStateException("the editor offers no " + to);
        }
        return "_csrf=" + StaffSession.encode(form.select("input[name=_csrf]").attr("value"))
                + "&version=" + form.select("input[name=version]").attr("value") + "&to=" + to;
    }

    private static String served(HttpResponse<?> answer) {
        return answer.headers().firstValue("X-Served-By").orElse("");
    }
}
