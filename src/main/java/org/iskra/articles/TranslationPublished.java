package org.iskra.articles;

import java.time.OffsetDateTime;

/**
 * A translation was published for the first time through the editorial workflow (an editor's "publish", or the
 * scheduled publishing job), inside the transaction that publishes it. Imports and the demo content write through
 * {@link ArticleWriter#save} and never publish this: what they bring was published elsewhere, long ago. A later
 * publication of a newer revision is not a first one either.
 */
public record TranslationPublished(long articleId, long translationId, String language, OffsetDateTime publishedAt) {
}
