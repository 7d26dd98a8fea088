package org.iskra.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of a run of articles, read in a few queries instead of three per translation, for work over many
 * articles at once (a full search rebuild). Names are chosen as {@link Taxonomy#termsOf} chooses them: in the
 * language asked for, else English, else any language, else the slug.
 */
public final class TermsOfArticles {

    record Assigned(long articleId, long termId, String slug) {
    }

    private final Map<TermKind, Map<Long, List<Assigned>>> assigned;
    private final Map<TermKind, Map<Long, Map<String, String>>> names;
    private final Map<Long, List<String>> countries;

    TermsOfArticles(Map<TermKind, Map<Long, List<Assigned>>> assigned, Map<TermKind, Map<Long, Map<String, String>>> names,
                    Map<Long, List<String>> countries) {
        this.assigned = assigned;
        this.names = names;
        this.countries = countries;
    }

    public ArticleTerms of(long articleId, String language) {
        return new ArticleTerms(named(TermKind.REGION, articleId, language),
                countries.getOrDefault(articleId, List.of()).stream().map(code -> Taxonomy.countryNamed(code, language)).toList(),
                named(TermKind.TAG, articleId, language));
    }

    private List<Term> named(TermKind kind, long articleId, String language) {
        List<Assigned> terms = assigned.get(kind).getOrDefault(articleId, List.of());
        List<Term> named = new ArrayList<>(terms.size());
        for (Assigned term : terms) {
            Map<String, String> byLanguage = names.get(kind).getOrDefault(term.termId(), Map.of());
            String name = byLanguage.get(language);
            if (name == null) {
                name = byLanguage.get("en");
            }
            if (name == null) {
                name = byLanguage.values().stream().min(String::compareTo).orElse(term.slug());
            }
            named.add(new Term(term.slug(), name));
        }
        return named;
    }

    static Map<Long, List<Assigned>> group(List<Assigned> rows) {
        Map<Long, List<Assigned>> grouped = new HashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(row.articleId(), id -> new ArrayList<>()).add(row));
        return grouped;
    }
}
