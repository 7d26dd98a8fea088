package org.iskra.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.ClientAddress;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The way into the index for readers, shared by the search page and the API: a client that searched more than
 * {@code perClient} times in a period is refused (429) until its bucket refills; the index then bounds the cost of
 * the query and the wait for a processor. Clients are told apart by {@link ClientAddress} (an IPv6 /64 is one
 * client). The buckets live in this node's memory: behind a load balancer each node limits on its own.
 */
@Conditional(SearchEnabled.class)
@Component
class SearchGate {

    // a flood of distinct addresses must not exhaust the heap: past this many clients the buckets start afresh
    private static final int MAX_CLIENTS = 100_000;
    /** Retry-After of a search refused because no processor was free: a busy moment, not a ban. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    private final SearchIndex index;
    private final SearchProperties properties;
    private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();

    SearchGate(SearchIndex index, SearchProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    /** A search refused before it ran, with when to try again. */
    static final class Refused extends Exception {
        private final int status;
        private final String key;
        private final Duration retryAfter;

        Refused(int status, String key, Duration retryAfter) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.retryAfter = retryAfter;
        }

        int status() {
            return status;
        }

        /** The message key of the reason. */
        String key() {
            return key;
        }

        /** Seconds, at least one, for a Retry-After header. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /**
     * Runs the search for this request's client.
     *
     * @throws Refused with 429 past the client's limit, 503 when no processor became free in time
     * @throws QueryTooComplexException when the query would cost too much
     */
    SearchResults search(SearchQuery query, HttpServletRequest request) throws Refused, IOException {
        if (query.hasText() || query.hasFilters()) {
            ConsumptionProbe probe = bucket(ClientAddress.key(request)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw new Refused(429, "search.error.too-many", Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        try {
            return index.search(query);
        } catch (SearchBusyException e) {
            throw new Refused(503, "search.error.busy", BUSY_RETRY);
        }
    }

    private Bucket bucket(String client) {
        if (byClient.size() > MAX_CLIENTS) {
            byClient.clear();
        }
        return byClient.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.perClient()).refillGreedy(properties.perClient(),
                        properties.clientPeriod()))
                .build());
    }
}
