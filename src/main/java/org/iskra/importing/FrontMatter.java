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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front matter keys the importer understands, read and checked. Anything else a Hugo site carries (weight,
 * menu, layout, …) is ignored; every list of names is kept as a possible taxonomy for {@link TaxonomyMap}.
 *
 * @param title          null when the file has none (a placeholder, or a page whose first heading names it)
 * @param description    the standfirst: {@code description}, else {@code summary}
 * @param date           {@code date}, else {@code publishDate}
 * @param attribution    {@code author}, or {@code authors} joined with ", "
 * @param original       {@code original: true} marks the language the article was written in
 * @param translatedFrom for a translation: the time of the original's revision it follows
 * @param image          the lead image named by {@code image:}, {@code featured_image:} or the first of {@code images:}
 * @param placeholder    why Hugo would not publish this file ({@code untranslated}, {@code _build: render: never},
 *                       {@code headless}), or null
 * @param taxonomies     every key whose value is a name or a list of names, by lower-case key
 */
record FrontMatter(
        String title,
        String description,
        OffsetDateTime date,
        OffsetDateTime lastmod,
        boolean draft,
        String slug,
        String url,
        String translationKey,
        String attribution,
        boolean original,
        OffsetDateTime translatedFrom,
        String image,
        List<String> aliases,
        String placeholder,
        Map<String, List<String>> taxonomies) {

    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");
    private static final int MAX_KEY_LENGTH = 200;
    /** Keys that hold names but are no taxonomy. */
    private static final Set<String> NOT_TAXONOMIES = Set.of("title", "description", "summary", "slug", "url",
            "translationkey", "author", "authors", "image", "images", "featured_image", "aliases", "layout", "type",
            "linktitle", "keywords", "outputs", "resources", "cascade", "menu", "menus", "weight", "date", "lastmod",
            "publishdate", "expirydate", "draft", "original", "translatedfrom", "untranslated", "headless", "_build",
            "build", "markup", "toc", "comments", "params", "sitemap", "translators", "contributors");

    /** Reads the fields {@link FrontMatterParser} found; keys are already lower-case. */
    static FrontMatter of(Map<String, Object> fields) throws FileRejected {
        String translationKey = text(fields.get("translationkey"));
        if (translationKey != null && translationKey.length() > MAX_KEY_LENGTH) {
            throw new FileRejected("translationKey is longer than " + MAX_KEY_LENGTH + " characters");
        }
        List<String> authors = new ArrayList<>(list(fields.get("authors")));
        if (authors.isEmpty()) {
            authors.addAll(list(fields.get("author")));
        }
        List<String> images = list(fields.get("images"));
        String image = first(text(fields.get("image")), text(fields.get("featured_image")),
                images.isEmpty() ? null : images.get(0));
        OffsetDateTime date = timestamp("date", fields.get("date"));
        if (date == null) {
            date = timestamp("publishDate", fields.get("publishdate"));
        }
        Map<String, List<String>> taxonomies = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (!NOT_TAXONOMIES.contains(key) && (value instanceof Collection<?> || value instanceof String)) {
                List<String> names = list(value);
                if (!names.isEmpty() && (value instanceof Collection<?> || TaxonomyMap.DEFAULT_TAXONOMIES.contains(key))) {
                    taxonomies.put(key, names);
                }
            }
        });
        return new FrontMatter(
                text(fields.get("title")),
                first(text(fields.get("description")), text(fields.get("summary"))),
                date,
                timestamp("lastmod", fields.get("lastmod")),
                flag("draft", fields.get("draft")),
                text(fields.get("slug")),
                text(fields.get("url")),
                translationKey,
                authors.isEmpty() ? null : String.join(", ", authors),
                flag("original", fields.get("original")),
                timestamp("translatedFrom", fields.get("translatedfrom")),
                image,
                list(fields.get("aliases")),
                placeholder(fields),
                taxonomies);
    }

    /** Why Hugo would publish no page for this file, or null. */
    private static String placeholder(Map<String, Object> fields) {
        Object untranslated = fields.get("untranslated");
        if (untranslated != null && !"false".equalsIgnoreCase(untranslated.toString().strip())
                && !"0".equals(untranslated.toString().strip())) {
            return "a placeholder for an untranslated page (untranslated: " + untranslated + ")";
        }
        for (String key : new String[] {"_build", "build"}) {
            if (fields.get(key) instanceof Map<?, ?> build) {
                Object render = build.get("render");
                if (render != null && (render.toString().equalsIgnoreCase("never") || render.toString().equalsIgnoreCase("false"))) {
                    return "not rendered by Hugo (" + key + ": render: " + render + ")";
                }
            }
        }
        if (Boolean.TRUE.equals(fields.get("headless")) || "true".equals(String.valueOf(fields.get("headless")))) {
            return "a headless bundle (headless: true)";
        }
        return null;
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

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof Collection) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A list of names; a single value counts as a list of one, as Hugo allows for taxonomies. */
    static List<String> list(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(FrontMatter::text).filter(t -> t != null).toList();
        }
        String single = text(value);
        return single == null ? List.of() : List.of(single);
    }
}
