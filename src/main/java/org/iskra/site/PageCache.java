package org.iskra.site;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    CachedPage get(String key) {
        CachedPage page = pages.get(key);
        if (page != null) {
            page.lastUsed = clock.incrementAndGet();
            hits.increment();
        } else {
            misses.increment();
        }
        return page;
    }

    void put(String key, CachedPage page) {
        if (maxEntries == 0) {
            return;
        }
        page.lastUsed = clock.incrementAndGet();
        pages.put(key, page);
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
    }

    int size() {
        return pages.size();
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
