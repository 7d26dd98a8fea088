package org.iskra.search;

/** A region, country or tag the reader may narrow a search to, named in their language. */
public record FilterOption(String slug, String name) {
}
