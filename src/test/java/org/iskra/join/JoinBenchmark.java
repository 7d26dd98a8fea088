package org.iskra.join;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The join benchmark (run by {@code bench/join.sh} against a running node). Two commands:
 *
 * <ul>
 *   <li>{@code load --url=http://127.0.0.1:18090 --threads=16 --seconds=20 --warmup=5 --tokens=60000 --out=DIR}:
 *       fetches form tokens first (not timed), then posts one distinct applicant per token from several threads,
 *       a warm-up then a timed period, and prints committed requests per second (a 303 to the thank-you page is a
 *       commit, anything else an error) and the POST's latency. It writes the tokens it sent and those answered
 *       303 to {@code DIR}.</li>
 *   <li>{@code verify --out=DIR --jdbc=URL [--user=sa] [--password=]}: after the node has stopped, reads
 *       join_request and checks that every acknowledged token is stored once and that no token that was sent but
 *       not acknowledged is stored: committed == rows.</li>
 * </ul>
 */
public final class JoinBenchmark {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"token\"");

    private JoinBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        Path out = Path.of(options.getOrDefault("out", "."));
        if ("load".equals(args[0])) {
            System.exit(load(options, out));
        } else if ("verify".equals(args[0])) {
            System.exit(verify(options, out));
        } else {
            throw new IllegalArgumentException("usage: load|verify --option=value ...");
        }
    }

    private static int load(Map<String, String> options, Path out) throws Exception {
        URI base = URI.create(options.getOrDefault("url", "http://127.0.0.1:18090"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int tokenCount = Integer.parseInt(options.getOrDefault("tokens", "60000"));

        long fetchStart = System.nanoTime();
        String[] tokens = fetchTokens(base, tokenCount, Math.min(threads, 8));
        System.out.printf("fetched %,d form tokens in %.1f s (not timed)%n", tokens.length,
                (System.nanoTime() - fetchStart) / 1e9);

        AtomicInteger next = new AtomicInteger();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> errors = new TreeMap<>();
        long[][] latencies = new long[threads][];
        int[] measured = new int[threads];
        long[] exhaustedAt = {Long.MAX_VALUE};
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        for (int i = 0; i < threads; i++) {
            int thread = i;
            latencies[i] = new long[tokens.length];
            Thread worker = new Thread(() -> {
                HttpClient client = client();
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= measureTo) {
                            return;
                        }
                        int n = next.getAndIncrement();
                        if (n >= tokens.length) {
                            synchronized (exhaustedAt) {
                                exhaustedAt[0] = Math.min(exhaustedAt[0], System.nanoTime());
                            }
                            return;
                        }
                        int status;
                        try {
                            status = submit(client, base, tokens[n], n);
                        } catch (IOException | InterruptedException e) {
                            status = -1;
                        }
                        long answered = System.nanoTime();
                        if (status == 303) {
                            acknowledged.add(tokens[n]);
                        } else {
                            synchronized (errors) {
                                errors.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                        if (sent >= measureFrom && answered <= measureTo && status == 303) {
                            latencies[thread][measured[thread]++] = answered - sent;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "join-bench-" + i);
            worker.start();
        }
        done.await();
        int sentCount = Math.min(next.get(), tokens.length);
        long end = Math.min(measureTo, exhaustedAt[0]);
        double window = (end - measureFrom) / 1e9;
        long[] all = new long[Arrays.stream(measured).sum()];
        int at = 0;
        for (int i = 0; i < threads; i++) {
            System.arraycopy(latencies[i], 0, all, at, measured[i]);
            at += measured[i];
        }
        Arrays.sort(all);
        if (exhaustedAt[0] < measureTo) {
            System.out.printf("NOTE: the %,d tokens ran out %.1f s into the timed period: raise --tokens%n",
                    tokens.length, window);
        }
        System.out.printf("%d client threads, %d s warm-up, %.1f s timed%n", threads, warmup, window);
        System.out.printf("committed (303) in the timed period: %,d = %.0f committed/s%n", all.length, all.length / window);
        System.out.printf("POST latency of commits: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(all, 50), percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.printf("whole run: %,d posted, %,d committed, errors %s%n", sentCount, acknowledged.size(),
                errors.isEmpty() ? "none" : errors.toString().replace("-1=", "no answer="));
        Files.createDirectories(out);
        Files.write(out.resolve("sent.txt"), Arrays.asList(tokens).subList(0, sentCount));
        Files.write(out.resolve("acknowledged.txt"), acknowledged);
        return 0;
    }

    private static int verify(Map<String, String> options, Path out) throws Exception {
        Set<String> sent = new HashSet<>(Files.readAllLines(out.resolve("sent.txt")));
        Set<String> acknowledged = new HashSet<>(Files.readAllLines(out.resolve("acknowledged.txt")));
        Map<String, Integer> stored = new HashMap<>();
        Map<String, Integer> outbox = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(options.get("jdbc"), options.getOrDefault("user", "sa"),
                options.getOrDefault("password", ""));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select form_token from join_request")) {
            while (rows.next()) {
                String token = rows.getString(1);
                if (sent.contains(token)) {
                    stored.merge(token, 1, Integer::sum);
                }
            }
            try (ResultSet mail = statement.executeQuery(
                    "select kind, status, count(*) from outbox_message group by kind, status")) {
                while (mail.next()) {
                    outbox.put(mail.getString(1) + " " + mail.getString(2), mail.getInt(3));
                }
            }
        }
        System.out.printf("outbox (the SMTP port was closed: mail is kept, not sent): %s%n", outbox);
        long lost = acknowledged.stream().filter(token -> !stored.containsKey(token)).count();
        long duplicated = stored.values().stream().filter(count -> count > 1).count();
        long unacknowledged = stored.keySet().stream().filter(token -> !acknowledged.contains(token)).count();
        int rows = stored.values().stream().mapToInt(Integer::intValue).sum();
        boolean ok = lost == 0 && duplicated == 0 && rows == acknowledged.size();
        System.out.printf("verify: %,d committed (303), %,d rows of this run in join_request; lost %d, duplicated %d,"
                        + " stored without a 303 %d: %s%n", acknowledged.size(), rows, lost, duplicated, unacknowledged,
                ok ? "OK" : "MISMATCH");
        return ok ? 0 : 1;
    }

    private static String[] fetchTokens(URI base, int count, int threads) throws Exception {
        String[] tokens = new String[count];
        AtomicInteger next = new AtomicInteger();
        List<Thread> fetchers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread fetcher = new Thread(() -> {
                HttpClient client = client();
                try {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        String page = client.send(HttpRequest.newBuilder(base.resolve("/en/join")).timeout(Duration.ofSeconds(30))
                                .build(), HttpResponse.BodyHandlers.ofString()).body();
                        Matcher matcher = TOKEN.matcher(page);
                        if (!matcher.find()) {
                            throw new IllegalStateException("no token input in the join form");
                        }
                        tokens[n] = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            fetchers.add(fetcher);
            fetcher.start();
        }
        for (Thread fetcher : fetchers) {
            fetcher.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return tokens;
    }

    private static int submit(HttpClient client, URI base, String token, int n) throws IOException, InterruptedException {
        String key = Integer.toString(n, 36);
        String body = "name=" + encode("Applicant " + key) + "&email=" + encode("applicant." + key + "@example.org")
                + "&country=AM&city=" + encode("Yerevan") + "&message=" + encode("Benchmark applicant number " + n)
                + "&consent=yes&homepage=&token=" + encode(token);
        return client.send(HttpRequest.newBuilder(base.resolve("/en/join")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
