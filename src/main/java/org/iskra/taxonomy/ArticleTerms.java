package org.iskra.taxonomy;

import java.util.List;

/** The regions, countries and tags of one article, named in one language. */
public record ArticleTerms(List<Term> regions, List<Term> countries, List<Term> tags) {

    public boolean isEmpty() {
        return regions.isEmpty() && countries.isEmpty() && tags.isEmpty();
    }
}
