package org.iskra.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Searches run at most one per processor, the others wait their turn in order of arrival, but not for ever. A
 * search is a short burst of CPU; more of them at once than there are processors only share the processors in time
 * slices, so each takes several times its own cost, the longest ones most (they were the 99th percentile), and a
 * burst of searches would take the processors from page serving as well. A search that finds no free processor
 * within {@code wait} is refused (the reader is asked to try again a moment later): without a bound, a flood of
 * searches held every request thread waiting here and the site answered nothing, not even cached pages.
 */
final class SearchSlots {

    private final Semaphore running;
    private final Duration wait;

    SearchSlots(int processors, Duration wait) {
        this.running = new Semaphore(processors, true);
        this.wait = wait;
    }

    static SearchSlots perProcessor(Duration wait) {
        return new SearchSlots(Runtime.getRuntime().availableProcessors(), wait);
    }

    /**
     * Takes a processor; call {@link #leave} after the search.
     *
     * @throws SearchBusyException when none became free in time
     */
    void enter() throws java.io.InterruptedIOException {
        try {
            if (!running.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SearchBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to search");
        }
    }

    void leave() {
        running.release();
    }
}
