package org.iskra.accounts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long staff sessions last: idle (since the last request) and absolute (since the login), shorter for those who
 * read personal data (administrators and organizers). Settings {@code ISKRA_SESSION_*}, listed in the README.
 */
@Validated
@ConfigurationProperties("iskra.sessions")
record SessionProperties(@NotNull Duration idle, @NotNull Duration absolute, @NotNull Duration personalDataIdle,
                         @NotNull Duration personalDataAbsolute) {
}
