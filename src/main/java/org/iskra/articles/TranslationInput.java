package org.iskra.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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
        // control characters are invalid in HTML and XML: one in a title would break every page and feed showing it
        title = withoutControlCharacters(title, false);
        standfirst = standfirst == null ? null : withoutControlCharacters(standfirst, false);
        attribution = attribution == null ? null : withoutControlCharacters(attribution, false);
        body = body == null ? "" : withoutControlCharacters(body, true);
        regions = regions == null ? List.of() : List.copyOf(regions);
        countries = countries == null ? List.of() : List.copyOf(countries);
        tags = tags == null ? List.of() : List.copyOf(tags);
        savedBy = savedBy == null ? "import" : savedBy;
    }

    private static String withoutControlCharacters(String text, boolean keepLineBreaks) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (lineBreak && !keepLineBreaks) {
                clean.append(' ');
            } else if (lineBreak || !(Character.getType(c) == Character.CONTROL || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }

    public boolean isOriginal() {
        return language.equals(originalLanguage);
    }

    /** Identifies the words (title, standfirst, body): a save whose words have this hash already adds no revision. */
    String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {title, standfirst, body}) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
