package org.iskra.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The search benchmark (run by {@code bench/search.sh}): indexes a generated corpus straight through
 * {@link SearchIndex} — the same documents, analyzers and commit the application writes, without the database —
 * then runs a query mix from several threads at once, each query doing what the search page does (parse, filter,
 * count exactly, fetch and highlight ten hits), and prints the timings.
 *
 * <p>Options: {@code --translations=100000 --index-threads=2 --threads=8 --seconds=30 --warmup=10
 * --folder=DIR} (default: a temporary folder, deleted afterwards).
 */
public final class SearchBenchmark {

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int translations = Integer.parseInt(options.getOrDefault("translations", "100000"));
        int indexThreads = Integer.parseInt(options.getOrDefault("index-threads", "2"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        boolean temporary = !options.containsKey("folder");
        Path folder = temporary ? Files.createTempDirectory("iskra-search-bench-") : Path.of(options.get("folder"));

        BenchmarkCorpus corpus = new BenchmarkCorpus();
        System.out.printf("corpus: %,d translations in %d languages %s, %d indexing thread(s), JVM max heap %d MB%n",
                translations, BenchmarkCorpus.LANGUAGES.size(), BenchmarkCorpus.LANGUAGES, indexThreads,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (SearchIndex index = SearchIndex.open(folder.resolve("search-index"), 64)) {
            if (index.existed() && !temporary) {
                System.out.printf("reusing the index in %s: %,d translations%n", folder, index.documentCount());
            } else {
                index(index, corpus, translations, indexThreads);
            }
            run(index, corpus, threads, warmup, seconds);
        } finally {
            if (temporary) {
                deleteRecursively(folder);
            }
        }
    }

    private static void index(SearchIndex index, BenchmarkCorpus corpus, int translations, int threads) throws Exception {
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicLong characters = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (int n = next.getAndIncrement(); n < translations; n = next.getAndIncrement()) {
                        IndexedTranslation translation = corpus.translation(n);
                        characters.addAndGet(translation.title().length() + translation.standfirst().length()
                                + translation.bodyText().length());
                        index.add(translation);
                        if ((n + 1) % 10_000 == 0) {
                            System.out.printf("  %,d translations indexed (%.1f s)%n", n + 1, seconds(started));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }, "indexer-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double added = seconds(started);
        index.merge(1);
        index.commit(0);
        index.refresh();
        double took = seconds(started);
        System.out.printf("indexed %,d translations (%,d MB of text) in %.1f s (%,.0f translations/s): %.1f s adding,"
                        + " %.1f s merging into one segment and committing, as a full rebuild does%n",
                index.documentCount(), characters.get() / (1024 * 1024), took, translations / took, added, took - added);
        System.out.printf("index size on disk: %,d MB%n", index.sizeOnDisk() / (1024 * 1024));
    }

    private static void run(SearchIndex index, BenchmarkCorpus corpus, int threads, int warmup, int seconds)
            throws Exception {
        System.out.printf("warming up for %d s, then measuring for %d s with %d concurrent searches%n", warmup, seconds, threads);
        measure(index, corpus, threads, warmup, 1);
        Result result = measure(index, corpus, threads, seconds, 2);
        long[] latencies = result.latencies();
        Arrays.sort(latencies);
        System.out.printf("queries: %,d in %.1f s = %,.0f queries/s; hits per query: %.0f on average%n",
                latencies.length, result.seconds(), latencies.length / result.seconds(),
                (double) result.hits() / latencies.length);
        System.out.printf("CPU time per query: %.2f ms on average (what the searching threads used, excluding waits)%n",
                result.cpuNanos() / 1e6 / latencies.length);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                percentile(latencies, 99.9), latencies[latencies.length - 1] / 1e6);
        result.byKind().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            long[] kind = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-22s %,7d queries  p50 %6.2f  p99 %6.2f ms%n", entry.getKey(), kind.length,
                    percentile(kind, 50), percentile(kind, 99));
        });
    }

    private record Result(long[] latencies, double seconds, long hits, long cpuNanos, Map<String, List<Long>> byKind) {
    }

    private static Result measure(SearchIndex index, BenchmarkCorpus corpus, int threads, int seconds, long seed)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<List<long[]>> perThread = new ArrayList<>();
        AtomicLong hits = new AtomicLong();
        AtomicLong cpuTime = new AtomicLong();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        long started = System.nanoTime();
        List<Map<String, List<Long>>> kinds = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<long[]> mine = new ArrayList<>();
            Map<String, List<Long>> myKinds = new HashMap<>();
            perThread.add(mine);
            kinds.add(myKinds);
            Random random = new Random(seed * 1000 + t);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        SearchQuery query = corpus.query(random);
                        long start = System.nanoTime();
                        long cpuStart = cpu.getCurrentThreadCpuTime();
                        SearchResults results = index.search(query);
                        long took = System.nanoTime() - start;
                        cpuTime.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                        mine.add(new long[] {took});
                        hits.addAndGet(results.total());
                        myKinds.computeIfAbsent(kind(query), k -> new ArrayList<>()).add(took);
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("a search failed", failure.get());
        }
        double took = seconds(started);
        long[] latencies = perThread.stream().flatMap(List::stream).mapToLong(l -> l[0]).toArray();
        Map<String, List<Long>> byKind = new HashMap<>();
        kinds.forEach(map -> map.forEach((kind, list) -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list)));
        return new Result(latencies, took, hits.get(), cpuTime.get(), byKind);
    }

    private static String kind(SearchQuery query) {
        if (query.allLanguages()) {
            return "all languages";
        }
        if (query.region() != null || query.tag() != null) {
            return "word + filter";
        }
        if (query.order() == SearchQuery.Order.NEWEST) {
            return "2 words, newest, p.2";
        }
        if (query.text().startsWith("\"")) {
            return "phrase";
        }
        if (query.text().endsWith("*")) {
            return "prefix";
        }
        return query.text().split(" ").length + " word(s)";
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
