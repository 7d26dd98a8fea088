package org.iskra.search;

/**
 * The index's field names. Text fields carry their language ({@code title_ru}); filters and the rest are shared.
 */
final class Fields {

    static final String ARTICLE = "article";
    static final String LANGUAGE = "lang";
    static final String SLUG = "slug";
    static final String PUBLISHED = "published";
    static final String UPDATED = "updated";
    static final String REGION = "region";
    static final String COUNTRY = "country";
    static final String TAG = "tag";
    static final String WORDS_PREFIX = "words_";
    /** Doc values holding "slug{@value #SEPARATOR}name" of each filter term, to list the filters a language offers. */
    static final String NAMED_SUFFIX = "_named";
    static final char SEPARATOR = '\u001f';

    private static final String[] TEXT_PREFIXES = {"title_", "standfirst_", "body_", "terms_", WORDS_PREFIX};

    private Fields() {
    }

    static String title(String language) {
        return "title_" + language;
    }

    static String standfirst(String language) {
        return "standfirst_" + language;
    }

    static String body(String language) {
        return "body_" + language;
    }

    /** The names of the article's regions, countries and tags, searchable as words. */
    static String terms(String language) {
        return "terms_" + language;
    }

    /** The unstemmed words of title, standfirst and body: for "did you mean" and for prefixes. */
    static String words(String language) {
        return WORDS_PREFIX + language;
    }

    /** The language of a text field, or null for fields that are not text in some language. */
    static String languageOf(String field) {
        for (String prefix : TEXT_PREFIXES) {
            if (field.startsWith(prefix)) {
                return field.substring(prefix.length());
            }
        }
        return null;
    }
}
