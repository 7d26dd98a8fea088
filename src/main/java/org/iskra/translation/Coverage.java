package org.iskra.translation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * How far translation has come: per language, and per region and language, how many published originals are
 * translated and current, translated but outdated, or not translated; and the work, most needed first.
 */
public record Coverage(int originals, List<LanguageCoverage> languages, List<RegionCoverage> regions, List<Task> tasks) {

    public record Counts(int current, int outdated, int missing) {

        public int total() {
            return current + outdated + missing;
        }

        /** Share of originals with a current translation, 0 to 100. */
        public int percentCurrent() {
            return total() == 0 ? 100 : Math.round(100f * current / total());
        }
    }

    public record LanguageCoverage(String language, String name, Counts counts) {
    }

    public record RegionCoverage(String region, String regionName, String language, Counts counts) {
    }

    /** One translation to make or to bring up to date. {@code state} is "missing" or "outdated". */
    public record Task(long articleId, String language, String state, String originalLanguage, String originalTitle,
                       String originalPath, OffsetDateTime publishedAt, long reads, String translationSlug) {

        /** Where a translator sees what changed in the original: only outdated translations have it. */
        public String changesPath() {
            return translationSlug == null ? null : "/admin/translations/" + language + "/" + translationSlug;
        }
    }
}
