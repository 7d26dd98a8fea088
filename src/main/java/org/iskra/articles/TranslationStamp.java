package org.iskra.articles;

import java.time.OffsetDateTime;

/** A published translation, named and dated: enough for sitemaps and for rebuilding indexes. */
public record TranslationStamp(long articleId, String language, String slug, String title, String originalLanguage,
                               OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

    public String path() {
        return "/" + language + "/articles/" + slug;
    }

    public boolean isOriginal() {
        return language.equals(originalLanguage);
    }
}
