package org.iskra.importing;

import java.util.List;

/** A text's regions, countries (ISO 3166 codes) and tags, after the taxonomy mapping. */
record MappedTerms(List<String> regions, List<String> countries, List<String> tags) {

    static final MappedTerms NONE = new MappedTerms(List.of(), List.of(), List.of());

    MappedTerms {
        regions = List.copyOf(regions);
        countries = List.copyOf(countries);
        tags = List.copyOf(tags);
    }
}
