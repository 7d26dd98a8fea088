package org.iskra.organizing;

/** A national section (or the fallback, the International Secretariat) as other features see it. */
public record Section(long id, String slug, String name, String contactEmail, int responseHours, boolean fallback) {
}
