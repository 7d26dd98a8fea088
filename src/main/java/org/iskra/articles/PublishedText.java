package org.iskra.articles;

import java.time.OffsetDateTime;

/** The words of one published translation, without markup, for the search index. */
public record PublishedText(long articleId, String language, String slug, String title, String standfirst, String text,
                            OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
}
