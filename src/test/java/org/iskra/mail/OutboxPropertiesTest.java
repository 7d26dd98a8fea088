package org.iskra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

    private final OutboxProperties defaults = new OutboxProperties("Iskra <no-reply@localhost>", Duration.ofSeconds(2), 20, 20,
            Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofDays(30));

    @Test
    void theWaitDoublesAfterEachFailureUpToAnHour() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(defaults::delayAfter)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1));
        assertThat(defaults.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void twentyAttemptsSpanAboutHalfADay() {
        Duration total = IntStream.range(1, 20).mapToObj(defaults::delayAfter).reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(12), Duration.ofHours(14));
    }
}
