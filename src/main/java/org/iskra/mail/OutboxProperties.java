package org.iskra.mail;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outbox ({@code iskra.mail.*}, each also an {@code ISKRA_MAIL_…} variable in the README). The mail
 * server itself is Spring's {@code spring.mail.*}, mapped to {@code ISKRA_SMTP_…}.
 *
 * @param from          the From address, e.g. {@code Iskra <no-reply@example.org>}
 * @param pollInterval  how often the worker looks for due messages
 * @param batchSize     messages one node claims at a time
 * @param maxAttempts   attempts before a message is marked failed
 * @param retryDelay    the wait after the first failed attempt; it doubles with each further failure
 * @param maxRetryDelay the longest wait between attempts
 * @param lease         how long a node's claim on a message lasts; another node may send it after that
 * @param retention     how long a message stays in the outbox after it was sent (or ended for good): the export of
 *                      what is held about a person lists it, and after that nothing is held of it
 */
@Validated
@ConfigurationProperties("iskra.mail")
record OutboxProperties(
        @NotBlank @DefaultValue("Iskra <no-reply@localhost>") String from,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @Min(1) @DefaultValue("20") int batchSize,
        @Min(1) @DefaultValue("20") int maxAttempts,
        @NotNull @DefaultValue("30s") Duration retryDelay,
        @NotNull @DefaultValue("1h") Duration maxRetryDelay,
        @NotNull @DefaultValue("5m") Duration lease,
        @NotNull @DefaultValue("30d") Duration retention) {

    /** The wait after the given number of failed attempts: retryDelay, doubled per failure, at most maxRetryDelay. */
    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
