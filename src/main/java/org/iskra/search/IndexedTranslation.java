package org.iskra.search;

import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.taxonomy.Term;

/** One published translation as the index keeps it: plain text, its terms named in its language, its dates. */
record IndexedTranslation(
        long articleId,
        String language,
        String slug,
        String title,
        String standfirst,
        String bodyText,
        List<Term> regions,
        List<Term> countries,
        List<Term> tags,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt) {

    IndexedTranslation {
        standfirst = standfirst == null ? "" : standfirst;
        bodyText = bodyText == null ? "" : bodyText;
        regions = List.copyOf(regions);
        countries = List.copyOf(countries);
        tags = List.copyOf(tags);
    }
}
