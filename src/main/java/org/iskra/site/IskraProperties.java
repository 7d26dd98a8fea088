package org.iskra.site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every Iskra setting. Each is also an environment variable {@code ISKRA_…}, listed in the README.
 */
@Validated
@ConfigurationProperties("iskra")
public record IskraProperties(
        @NotNull Path data,
        @NotBlank String baseUrl,
        boolean demo,
        @NotBlank String defaultLanguage,
        @NotEmpty List<String> languages,
        @Min(1) int pageSize,
        @Min(0) int pageCacheEntries,
        @NotNull Duration changePollInterval) {

    public IskraProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        languages = List.copyOf(languages);
        if (!languages.contains(defaultLanguage)) {
            throw new IllegalArgumentException("iskra.default-language " + defaultLanguage
                    + " is not among iskra.languages " + languages);
        }
    }
}
