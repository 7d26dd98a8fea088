package org.iskra.search;

import java.time.OffsetDateTime;

/**
 * One found translation. {@code fragmentHtml} is HTML: the text around the match, escaped, with the matched words
 * in {@code <mark>}; nothing else in it is markup.
 */
public record SearchHit(long articleId, String language, String slug, String title, String standfirst, String fragmentHtml,
                 OffsetDateTime publishedAt) {

    public String path() {
        return "/" + language + "/articles/" + slug;
    }
}
