package org.iskra.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front matter keys the importer understands, read and checked. Anything else a Hugo site carries
 * (weight, menu, aliases, …) is ignored.
 *
 * @param description    the standfirst
 * @param attribution    {@code author}, or {@code authors} joined with ", "
 * @param original       {@code original: true} marks the language the article was written in
 * @param translatedFrom for a translation: the time of the original's revision it follows
 * @param image          the lead image named by {@code image:} or the first of {@code images:}, as written
 */
record FrontMatter(
        String title,
        String description,
        OffsetDateTime date,
        OffsetDateTime lastmod,
        boolean draft,
        String slug,
        String translationKey,
        String attribution,
        List<String> regions,
        List<String> countries,
        List<String> tags,
        boolean original,
        OffsetDateTime translatedFrom,
        String image) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");
    private static final int MAX_KEY_LENGTH = 200;

    /** Reads the fields {@link FrontMatterParser} found; keys are already lower-case. */
    static FrontMatter of(Map<String, Object> fields) throws FileRejected {
        String title = text(fields.get("title"));
        if (title == null) {
            throw new FileRejected("the front matter has no title");
        }
        String translationKey = text(fields.get("translationkey"));
        if (translationKey != null && translationKey.length() > MAX_KEY_LENGTH) {
            throw new FileRejected("translationKey is longer than " + MAX_KEY_LENGTH + " characters");
        }
        List<String> authors = new ArrayList<>(list(fields.get("authors")));
        if (authors.isEmpty()) {
            authors.addAll(list(fields.get("author")));
        }
        List<String> images = list(fields.get("images"));
        String image = text(fields.get("image"));
        return new FrontMatter(
                title,
                text(fields.get("description")),
                timestamp("date", fields.get("date")),
                timestamp("lastmod", fields.get("lastmod")),
                flag("draft", fields.get("draft")),
                text(fields.get("slug")),
                translationKey,
                authors.isEmpty() ? null : String.join(", ", authors),
                list(fields.get("regions")),
                countries(list(fields.get("countries"))),
                list(fields.get("tags")),
                flag("original", fields.get("original")),
                timestamp("translatedFrom", fields.get("translatedfrom")),
                image != null ? image : images.isEmpty() ? null : images.get(0));
    }

    /**
     * Hugo accepts a date with an offset, without one (read as UTC here) or a plain day. snakeyaml turns the
     * YAML timestamps it recognises into {@link Date}; TOML and quoted YAML values arrive as text.
     */
    static OffsetDateTime timestamp(String key, Object value) throws FileRejected {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toOffsetDateTime();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate day) {
            return day.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        String text = SPACE_BEFORE_TIME.matcher(value.toString().strip()).replaceFirst("$1T$2");
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notATime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notADay) {
                    throw new FileRejected(key + " '" + value + "' is not a date (use 2024-05-01 or 2024-05-01T10:00:00+03:00)");
                }
            }
        }
    }

    private static List<String> countries(List<String> codes) throws FileRejected {
        List<String> result = new ArrayList<>();
        for (String code : codes) {
            String upper = code.toUpperCase(Locale.ROOT);
            if (!upper.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(upper)) {
                throw new FileRejected("country '" + code + "' is not an ISO 3166 two-letter code");
            }
            if (!result.contains(upper)) {
                result.add(upper);
            }
        }
        return List.copyOf(result);
    }

    private static boolean flag(String key, Object value) throws FileRejected {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new FileRejected(key + " must be true or false, not '" + value + "'");
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof Collection) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A list of names; a single value counts as a list of one, as Hugo allows for taxonomies. */
    private static List<String> list(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(FrontMatter::text).filter(t -> t != null).toList();
        }
        String single = text(value);
        return single == null ? List.of() : List.of(single);
    }
}
