package org.iskra.search;

import java.time.LocalDate;

/**
 * What a reader asked for, parsed: the words as typed (the index parses them leniently), filters by term slug and
 * ISO country code, an inclusive date range, and which page.
 */
record SearchQuery(String language, String text, boolean allLanguages, String region, String country, String tag,
                   LocalDate from, LocalDate to, Order order, int page, int pageSize) {

    enum Order { RELEVANCE, NEWEST }

    SearchQuery {
        text = text == null ? "" : text.strip();
    }

    static SearchQuery of(String language, String text) {
        return new SearchQuery(language, text, false, null, null, null, null, null, Order.RELEVANCE, 1, 10);
    }

    boolean hasText() {
        return !text.isEmpty();
    }

    boolean hasFilters() {
        return region != null || country != null || tag != null || from != null || to != null;
    }

    SearchQuery withText(String other) {
        return new SearchQuery(language, other, allLanguages, region, country, tag, from, to, order, page, pageSize);
    }
}
