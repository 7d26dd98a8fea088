package org.iskra.articles;

import java.time.OffsetDateTime;

/** An article as a listing shows it, in one language. */
public record ArticleSummary(long articleId, String language, String slug, String title, String standfirst,
                             String attribution, OffsetDateTime publishedAt, String originalLanguage) {

    public String path() {
        return "/" + language + "/articles/" + slug;
    }
}
