package org.iskra.screening;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * At most {@code capacity} submissions per key (a client address, the keyed hash of an email) per {@code period}.
 * The buckets live in this node's memory: behind a load balancer each node limits on its own, which still bounds a
 * flood; they hold nothing that must survive a restart.
 */
public final class RateLimit {

    // a flood of distinct keys must not exhaust the heap: past this many the buckets start afresh
    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit(int capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    public boolean allow(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .build())
                .tryConsume(1);
    }

    /** Gives back what {@link #allow} took, for a submission that turned out not to count (a repeat). */
    public void refund(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }
}
