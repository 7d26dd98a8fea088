package org.iskra.join;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Limits on submissions per client address and per email (its keyed hash, never the address itself). The buckets
 * live in this node's memory: behind a load balancer each node limits on its own, which still bounds a flood; they
 * hold nothing that must survive a restart.
 */
@Component
class JoinRateLimits {

    // a flood of distinct addresses must not exhaust the heap: past this many keys the buckets start afresh
    private static final int MAX_KEYS = 100_000;

    private final JoinProperties properties;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byEmail = new ConcurrentHashMap<>();

    JoinRateLimits(JoinProperties properties) {
        this.properties = properties;
    }

    boolean allowAddress(String address) {
        return take(byAddress, address, properties.perAddress(), properties.addressPeriod());
    }

    boolean allowEmail(String emailHash) {
        return take(byEmail, emailHash, properties.perEmail(), properties.emailPeriod());
    }

    /** Gives back what {@link #allowEmail} took, for a submission that turned out to be a repeat. */
    void refundEmail(String emailHash) {
        Bucket bucket = byEmail.get(emailHash);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private static boolean take(Map<String, Bucket> buckets, String key, int capacity, Duration period) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .build())
                .tryConsume(1);
    }
}
