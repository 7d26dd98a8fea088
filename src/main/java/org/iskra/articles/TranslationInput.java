package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One language's text of an article as an author, an editor or the importer hands it in.
 *
 * @param translationKey   identifies the article across its languages
 * @param originalLanguage the language the article was written in
 * @param body             Markdown; images are referenced as {@code media:HASH}
 * @param revisedAt        when this text was last changed by its author (Hugo's lastmod); null means now
 * @param translatedFrom   for a translation: when the original's revision it follows was made; null means
 *                         the original's current published revision
 * @param regions          region names in {@code language}, in the same order in every translation
 * @param tags             tag names in {@code language}, in the same order in every translation
 * @param countries        ISO 3166-1 alpha-2 codes
 * @param savedBy          who saves it ("import", or a staff user's email)
 */
public record TranslationInput(
        String translationKey,
        String language,
        String originalLanguage,
        String slug,
        String title,
        String standfirst,
        String body,
        String attribution,
        boolean published,
        OffsetDateTime publishedAt,
        OffsetDateTime revisedAt,
        OffsetDateTime translatedFrom,
        Long leadMediaId,
        List<String> regions,
        List<String> countries,
        List<String> tags,
        String savedBy) {

    public TranslationInput {
        Objects.requireNonNull(translationKey, "translationKey");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(originalLanguage, "originalLanguage");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        regions = regions == null ? List.of() : List.copyOf(regions);
        countries = countries == null ? List.of() : List.copyOf(countries);
        tags = tags == null ? List.of() : List.copyOf(tags);
        savedBy = savedBy == null ? "import" : savedBy;
    }

    public boolean isOriginal() {
        return language.equals(originalLanguage);
    }
}
