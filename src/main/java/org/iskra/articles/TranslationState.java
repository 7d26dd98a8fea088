package org.iskra.articles;

import java.time.OffsetDateTime;

/**
 * One published original and one of its translations (or none: {@code language} null when the article has no
 * published translation at all), for coverage reports.
 */
public record TranslationState(long articleId, String originalLanguage, String originalSlug, String originalTitle,
                               OffsetDateTime publishedAt, String language, String slug, boolean outdated) {
}
