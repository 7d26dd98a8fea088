package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Progress as a person at a terminal sees it, and as a log keeps it. */
class ConsoleProgressTest {

    long now;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aTerminalGetsABarWithFilesPerSecondAndTheTimeLeft() {
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), true, () -> now);
        progress.started(1000);
        now += 2_000_000_000L;
        progress.advanced(250);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r[#######.......................] 250/1000 files  125 files/s  0:06 left ");
    }

    @Test
    void elsewhereAPlainLineEveryFiveSecondsAndTheTotalAtTheEnd() {
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), false, () -> now);
        progress.started(1000);
        now += 1_000_000_000L;
        progress.advanced(100);
        now += 4_000_000_000L;
        progress.advanced(500);
        now += 5_000_000_000L;
        progress.advanced(1000);
        progress.finished();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Importing 1000 files…",
                "500 of 1000 files (100 files/s, about 0:05 left)",
                "1000 of 1000 files (100 files/s, about 0:00 left)",
                "Imported 1000 of 1000 files in 0:10 (100 files/s)");
    }
}
