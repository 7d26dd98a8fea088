package org.iskra.site;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Rendered public responses kept in memory, each tagged with what it shows ({@code article:12}, {@code list:en}),
 * so that a change evicts exactly the pages that showed it.
 */
@Component
public class PageCache {

    static final String TAGS_ATTRIBUTE = PageCache.class.getName() + ".tags";

    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();
    /** For each path a page was kept for, the query parameters that page read: the rest of a query is ignored. */
    private final Map<String, SortedSet<String>> parametersRead = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final int maxEntries;

    PageCache(IskraProperties properties, MeterRegistry meters) {
        this.maxEntries = properties.pageCacheEntries();
        meters.gaugeMapSize("iskra.page.cache.entries", List.of(), pages);
        // hits are answered before Spring's per-request observation runs (it costs more than the hit itself), so
        // they are counted here
        FunctionCounter.builder("iskra.page.cache.requests", hits, LongAdder::sum).tag("result", "hit")
                .description("Public pages answered from the page cache").register(meters);
        FunctionCounter.builder("iskra.page.cache.requests", misses, LongAdder::sum).tag("result", "miss")
                .description("Public pages rendered because the page cache did not hold them").register(meters);
    }

    /** Tells the cache filter that this request's response may be kept, and what it depends on. */
    public static void markCacheable(HttpServletRequest request, Set<String> tags) {
        request.setAttribute(TAGS_ATTRIBUTE, Set.copyOf(tags));
    }

    public static String articleTag(long articleId) {
        return "article:" + articleId;
    }

    public static String listTag(String language) {
        return "list:" + language;
    }

    /**
     * The kept page for a request, or null: found under its path and the values of the parameters the page at
     * that path read when it was kept, whatever else the query holds.
     *
     * @param rawPath  the request URI as sent
     * @param rawQuery the query string as sent, or null
     */
    CachedPage lookup(String rawPath, String rawQuery) {
        String path = PageKey.path(rawPath);
        SortedSet<String> read = path == null ? null : parametersRead.get(path);
        String key = read == null ? null : PageKey.of(path, rawQuery, read);
        CachedPage page = key == null ? null : pages.get(key);
        if (page != null) {
            page.lastUsed = clock.incrementAndGet();
            hits.increment();
        } else {
            misses.increment();
        }
        return page;
    }

    /** The kept page for an address such as {@code /en/?page=2}, or null. */
    CachedPage get(String address) {
        int question = address.indexOf('?');
        return question < 0 ? lookup(address, null) : lookup(address.substring(0, question), address.substring(question + 1));
    }

    /**
     * Keeps the page rendered for this request, which read the parameters named {@code read} (no others) to render
     * it. A request whose address is malformed is not kept.
     */
    void keep(String rawPath, String rawQuery, Set<String> read, CachedPage page) {
        if (maxEntries == 0) {
            return;
        }
        String path = PageKey.path(rawPath);
        SortedSet<String> names = Collections.unmodifiableSortedSet(new TreeSet<>(read));
        String key = path == null ? null : PageKey.of(path, rawQuery, names);
        if (key == null) {
            return;
        }
        page.lastUsed = clock.incrementAndGet();
        pages.put(key, page);
        // one entry per page that exists (a path only gets here with a page rendered for it), never per request
        parametersRead.put(path, names);
        if (pages.size() > maxEntries) {
            evictLeastRecentlyUsed();
        }
    }

    /** Removes every page that depends on any of the tags. */
    public void evict(Set<String> tags) {
        pages.values().removeIf(page -> page.tags().stream().anyMatch(tags::contains));
    }

    public void clear() {
        pages.clear();
        parametersRead.clear();
    }

    int size() {
        return pages.size();
    }

    /** The addresses kept, as keyed (path and the values of the parameters the page read). */
    Set<String> addresses() {
        return Set.copyOf(pages.keySet());
    }

    private synchronized void evictLeastRecentlyUsed() {
        int excess = pages.size() - maxEntries + Math.max(1, maxEntries / 10);
        if (excess <= 0) {
            return;
        }
        pages.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed))
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(pages::remove);
    }
}
