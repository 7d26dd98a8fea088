package org.iskra.search;

import java.util.List;

/** What the search form offers to narrow by, as found among a language's indexed translations. */
public record FilterOptions(List<FilterOption> regions, List<FilterOption> countries, List<FilterOption> tags) {

    static final FilterOptions NONE = new FilterOptions(List.of(), List.of(), List.of());
}
