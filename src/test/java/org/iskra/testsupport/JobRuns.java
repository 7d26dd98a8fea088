package org.iskra.testsupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How often a scheduled job ({@code @Scheduled} method) of the application under test has run to its end, read from
 * the timer Spring records for every run. A test that must show that something does not happen (no second copy of
 * a message, no second reminder) waits for the job to run again instead of sleeping for a while: once it has run
 * twice more, any run that could have done it has finished.
 */
public final class JobRuns {

    /** Spring's observation of scheduled tasks, one timer per method (and outcome). */
    private static final String TIMER = "tasks.scheduled.execution";

    private final MeterRegistry meters;
    private final String type;
    private final String method;

    private JobRuns(MeterRegistry meters, String type, String method) {
        this.meters = meters;
        this.type = type;
        this.method = method;
    }

    /** The job {@code method} of the class named {@code type} (its full name: it may not be public). */
    public static JobRuns of(MeterRegistry meters, String type, String method) {
        return new JobRuns(meters, type, method);
    }

    public long count() {
        return meters.find(TIMER).tag("code.namespace", type).tag("code.function", method).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    /** Waits until the job has finished {@code runs} more runs than it had now. */
    public void awaitMore(int runs) {
        long target = count() + runs;
        Await.until(runs + " more runs of " + type + "." + method, () -> count() >= target);
    }
}
