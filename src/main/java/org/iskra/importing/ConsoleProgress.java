package org.iskra.importing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress of an import on the console: on a terminal a bar redrawn in place with files per second and the time
 * left; elsewhere (a log, a pipe) a plain line every few seconds, so that a log stays readable.
 */
final class ConsoleProgress implements ImportProgress {

    private static final int WIDTH = 30;
    private static final long BAR_EVERY_NANOS = 200_000_000L;
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long started;
    private long lastShown;
    private int total;
    private int done;

    ConsoleProgress(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
    }

    static ConsoleProgress onStandardError() {
        return new ConsoleProgress(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public void started(int total) {
        this.total = total;
        this.started = clock.getAsLong();
        this.lastShown = started;
        if (!terminal) {
            out.println("Importing " + total + " files…");
        }
    }

    @Override
    public void advanced(int done) {
        this.done = done;
        long now = clock.getAsLong();
        if (now - lastShown >= (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
            lastShown = now;
            show(now, false);
        }
    }

    @Override
    public void finished() {
        show(clock.getAsLong(), true);
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(long now, boolean last) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        String left = rate <= 0 || done >= total ? "0:00" : duration(Math.round((total - done) / rate));
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * done / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + String.format(" files  %.0f files/s  %s left ", rate, left));
        } else if (last) {
            out.println(String.format("Imported %d of %d files in %s (%.0f files/s)", done, total,
                    duration(Math.round(seconds)), rate));
        } else {
            out.println(String.format("%d of %d files (%.0f files/s, about %s left)", done, total, rate, left));
        }
        out.flush();
    }

    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
