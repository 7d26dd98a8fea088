package org.iskra.privacy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the privacy feature ({@code iskra.privacy.*}, each also an {@code ISKRA_…} variable in the README).
 *
 * @param keyFile the personal-data key file; when unset, {@code keys/personal-data.keys} in the data folder
 */
@ConfigurationProperties("iskra.privacy")
record PrivacyProperties(Path keyFile) {
}
