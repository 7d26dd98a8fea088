package org.iskra.importing;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One language's text of an article as a source (a Hugo file, a WordPress post) hands it over, already in Iskra's
 * terms: Markdown body, BCP 47 language, the taxonomy mapped.
 *
 * @param origin         how the summary names it ({@code posts/strike/index.ru.md}, {@code post 123})
 * @param body           Markdown; a local image is referenced as {@code local-image:N}, N indexing {@code images}
 * @param images         the local files the body references
 * @param leadImage      the article's lead image (an original's), or null
 * @param oldAddresses   where the old site showed this text: paths or whole URLs
 */
record SourceText(
        String origin,
        String language,
        String slug,
        String title,
        String standfirst,
        String body,
        String attribution,
        boolean published,
        OffsetDateTime publishedAt,
        OffsetDateTime revisedAt,
        OffsetDateTime translatedFrom,
        MappedTerms terms,
        List<LocalImage> images,
        LocalImage leadImage,
        List<String> oldAddresses) {

    static final String LOCAL_IMAGE = "local-image:";

    SourceText {
        images = List.copyOf(images);
        oldAddresses = List.copyOf(oldAddresses);
    }

    /** An image file on disk that a body shows, with the credit it carries where the source names one. */
    record LocalImage(Path file, String reference, String credit, String creditLink) {
    }
}
