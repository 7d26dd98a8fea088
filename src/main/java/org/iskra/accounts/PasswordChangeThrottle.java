package org.iskra.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Someone holding a staff session (a computer left unlocked) must not be able to guess the account's password
 * through the password change form: after a few wrong current passwords the form refuses for a while.
 */
@Component
class PasswordChangeThrottle {

    static final int FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    boolean exhausted(String email) {
        Bucket bucket = failures.get(StaffStore.normalize(email));
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    void failed(String email) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        failures.computeIfAbsent(StaffStore.normalize(email), key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(FAILURES).refillGreedy(FAILURES, WINDOW).build())
                        .build())
                .tryConsume(1);
    }
}
