package org.iskra.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.util.ULocale;
import org.iskra.site.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regions, countries and tags: assigning them to articles and naming them in each language. */
@Service
public class Taxonomy {

    private static final java.util.Set<String> ISO_COUNTRIES = java.util.Set.of(Locale.getISOCountries());

    private final TermStore store;

    Taxonomy(TermStore store) {
        this.store = store;
    }

    /**
     * Records an article's terms as one translation names them. The original decides which terms the article
     * has; a translation only names the same terms, matched by position, in its language.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean assign(long articleId, String language, boolean original,
                          List<String> regions, List<String> countries, List<String> tags) {
        boolean changed = false;
        for (TermKind kind : List.of(TermKind.REGION, TermKind.TAG)) {
            List<String> names = clean(kind == TermKind.REGION ? regions : tags);
            if (original) {
                List<Long> ids = new ArrayList<>();
                for (String name : names) {
                    long id = store.findByName(kind, language, name)
                            .or(() -> store.findBySlug(kind, slugOf(name)))
                            .orElseGet(() -> store.insert(kind, slugOf(name)));
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                    changed |= store.name(kind, id, language, name);
                }
                changed |= store.replaceAssignments(kind, articleId, ids);
            } else {
                List<Long> ids = store.assigned(kind, articleId);
                if (ids.size() == names.size()) {
                    for (int i = 0; i < ids.size(); i++) {
                        long id = ids.get(i);
                        Optional<Long> same = store.findByName(kind, language, names.get(i)).filter(other -> other != id);
                        if (same.isPresent()) {
                            // Two originals in different languages made two terms for one idea; the translation
                            // names them alike, which shows they are one.
                            store.merge(kind, id, same.get());
                            changed = true;
                        } else {
                            changed |= store.name(kind, id, language, names.get(i));
                        }
                    }
                }
            }
        }
        if (original) {
            List<String> codes = clean(countries).stream()
                    .map(c -> c.toUpperCase(Locale.ROOT))
                    .filter(c -> c.matches("[A-Z]{2}"))
                    .distinct()
                    .toList();
            changed |= store.replaceCountries(articleId, codes);
        }
        return changed;
    }

    public ArticleTerms termsOf(long articleId, String language) {
        return new ArticleTerms(
                store.namedTerms(TermKind.REGION, articleId, language),
                store.countries(articleId).stream().map(code -> countryNamed(code, language)).toList(),
                store.namedTerms(TermKind.TAG, articleId, language));
    }

    /** The terms of the articles with ids from {@code from} to {@code to} (inclusive), in every language, at once. */
    public TermsOfArticles termsOfArticles(long from, long to) {
        java.util.Map<TermKind, java.util.Map<Long, List<TermsOfArticles.Assigned>>> assigned = new java.util.EnumMap<>(TermKind.class);
        java.util.Map<TermKind, java.util.Map<Long, java.util.Map<String, String>>> names = new java.util.EnumMap<>(TermKind.class);
        for (TermKind kind : TermKind.values()) {
            assigned.put(kind, TermsOfArticles.group(store.assigned(kind, from, to)));
            names.put(kind, store.names(kind, from, to));
        }
        return new TermsOfArticles(assigned, names, store.countries(from, to));
    }

    /** Every article's regions named in one language, in one query, for reports over many articles. */
    public java.util.Map<Long, List<Term>> regionsByArticle(String language) {
        return store.termsByArticle(TermKind.REGION, language);
    }

    /** Every region some article is about, named in the language and sorted the way it sorts, e.g. to choose from. */
    public List<Term> regions(String language) {
        com.ibm.icu.text.Collator collator = com.ibm.icu.text.Collator.getInstance(ULocale.forLanguageTag(language));
        List<Term> regions = new ArrayList<>(store.allAssigned(TermKind.REGION, language));
        regions.sort((a, b) -> collator.compare(a.name(), b.name()));
        return regions;
    }

    /** The regions of these articles named in the language, in their order: article id → regions (none: absent). */
    public java.util.Map<Long, List<Term>> regionsOf(java.util.Collection<Long> articleIds, String language) {
        return store.termsOf(TermKind.REGION, articleIds, language);
    }

    /** The tags the most articles have, at most {@code limit}, named in the language and sorted the way it sorts. */
    public List<Term> mostUsedTags(String language, int limit) {
        List<Term> tags = new ArrayList<>(store.mostAssigned(TermKind.TAG, language, limit));
        tags.sort((a, b) -> collator(language).compare(a.name(), b.name()));
        return tags;
    }

    private static com.ibm.icu.text.Collator collator(String language) {
        return com.ibm.icu.text.Collator.getInstance(ULocale.forLanguageTag(language));
    }

    public Optional<Term> region(String slug, String language) {
        return store.term(TermKind.REGION, slug, language);
    }

    public Optional<Term> tag(String slug, String language) {
        return store.term(TermKind.TAG, slug, language);
    }

    /** A country by ISO code, named in the reader's language; empty for codes that name no country. */
    public Optional<Term> country(String code, String language) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(upper)) {
            return Optional.empty();
        }
        return Optional.of(countryNamed(upper, language));
    }

    static Term countryNamed(String code, String language) {
        String name = new ULocale("", code).getDisplayCountry(ULocale.forLanguageTag(language));
        return new Term(code.toLowerCase(Locale.ROOT), name.isEmpty() ? code : name);
    }


    private static String slugOf(String name) {
        String slug = Slugs.of(name);
        return slug.isEmpty() ? "term" : slug;
    }

    private static List<String> clean(List<String> names) {
        return names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    }
}
