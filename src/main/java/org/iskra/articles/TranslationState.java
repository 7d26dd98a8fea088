package org.iskra.articles;

import java.time.OffsetDateTime;

/**
 * One published original and one of its translations (or none: {@code language} null when the article has no
 * published translation at all), for coverage reports. {@code originalId} is the original's translation id, what a
 * new translation starts from; {@code createdBy} who created the article.
 */
public record TranslationState(long articleId, long originalId, String createdBy, String originalLanguage, String originalSlug, String originalTitle,
                               OffsetDateTime publishedAt, String language, String slug, boolean outdated) {
}
