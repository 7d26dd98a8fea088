package org.iskra.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The search form's parameters as they arrive, all text; {@link #toQuery} turns them into a {@link SearchQuery} or
 * says, as a message key, what is wrong with them.
 */
record SearchForm(String q, String region, String country, String tag, String from, String to, String all,
                  String sort, String page) {

    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_PAGE = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,5}");

    /** A form that cannot be searched with, and the message (key and arguments) that says why. */
    static final class InvalidSearch extends Exception {

        private final String key;
        private final transient Object[] arguments;

        InvalidSearch(String key, Object... arguments) {
            super(key, null, false, false);
            this.key = key;
            this.arguments = arguments;
        }

        String key() {
            return key;
        }

        Object[] arguments() {
            return arguments;
        }
    }

    SearchQuery toQuery(String language, int pageSize) throws InvalidSearch {
        String text = q == null ? "" : q.strip();
        if (text.codePointCount(0, text.length()) > MAX_QUERY_LENGTH) {
            throw new InvalidSearch("search.error.too-long", MAX_QUERY_LENGTH);
        }
        LocalDate since = date(from);
        LocalDate until = date(to);
        if (since != null && until != null && since.isAfter(until)) {
            LocalDate swap = since;
            since = until;
            until = swap;
        }
        SearchQuery.Order order = "newest".equals(sort) ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE;
        return new SearchQuery(language, text, allLanguages(), slug(region), country(country), slug(tag), since, until,
                order, pageNumber(), pageSize);
    }

    boolean allLanguages() {
        return all != null && (all.equals("1") || all.equals("true") || all.equals("on"));
    }

    private static String slug(String value) throws InvalidSearch {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200 || !SLUG.matcher(value).matches()) {
            throw new InvalidSearch("search.error.filter");
        }
        return value;
    }

    private static String country(String value) throws InvalidSearch {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.toLowerCase(Locale.ROOT);
        if (!COUNTRY.matcher(code).matches()) {
            throw new InvalidSearch("search.error.filter");
        }
        return code;
    }

    private static LocalDate date(String value) throws InvalidSearch {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                throw new InvalidSearch("search.error.date");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidSearch("search.error.date");
        }
    }

    private int pageNumber() throws InvalidSearch {
        if (page == null || page.isBlank()) {
            return 1;
        }
        if (!PAGE.matcher(page).matches() || Integer.parseInt(page) > MAX_PAGE) {
            throw new InvalidSearch("search.error.page", MAX_PAGE);
        }
        return Integer.parseInt(page);
    }
}
