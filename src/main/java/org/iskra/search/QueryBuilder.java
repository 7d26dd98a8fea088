package org.iskra.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a reader's {@link SearchQuery} into the Lucene query that runs: their words over the weighted fields of one
 * language or of every language the index holds, within what {@link QueryCost} allows, and the filters (region,
 * country, tag, dates) around them.
 */
final class QueryBuilder {

    static final float TITLE_WEIGHT = 3f;
    static final float STANDFIRST_WEIGHT = 2f;
    static final float TERMS_WEIGHT = 1.5f;
    static final float BODY_WEIGHT = 1f;

    private final Analyzer analyzers;

    QueryBuilder(Analyzer analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * The reader's words, read with each language's analyzer for all languages, or only with their own, within
     * the cost {@link QueryCost} allows. In all languages the reader's own language is read first: most of the time
     * its cost, times the number of languages, already says whether the whole will fit.
     */
    Query text(IndexReader reader, SearchQuery q, QueryCost cost) throws IOException {
        Query own = parse(q.language(), q.text());
        cost.add(own, QueryCost.PER_LANGUAGE);
        if (!q.allLanguages()) {
            return own;
        }
        List<String> languages = languages(reader);
        if ((long) cost.spent() * languages.size() > QueryCost.IN_ALL_LANGUAGES) {
            throw new QueryTooComplexException(null);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(own, Occur.SHOULD);
        for (String language : languages) {
            if (!language.equals(q.language())) {
                Query other = parse(language, q.text());
                cost.add(other, QueryCost.IN_ALL_LANGUAGES);
                any.add(other, Occur.SHOULD);
            }
        }
        return any.build();
    }

    private Query parse(String language, String text) {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(Fields.title(language), TITLE_WEIGHT);
        weights.put(Fields.standfirst(language), STANDFIRST_WEIGHT);
        weights.put(Fields.terms(language), TERMS_WEIGHT);
        weights.put(Fields.body(language), BODY_WEIGHT);
        return new LenientQueryParser(analyzers, weights, Fields.words(language)).parse(text);
    }

    private static List<String> languages(IndexReader reader) throws IOException {
        List<String> languages = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, Fields.LANGUAGE);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                languages.add(term.utf8ToString());
            }
        }
        return languages;
    }

    /** The text query (null: none) with the query's filters around it. */
    Query withFilters(Query text, SearchQuery q) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (text != null) {
            query.add(text, Occur.MUST);
        }
        if (!q.allLanguages() && text == null) {
            // with words, the language's own fields already hold only its translations
            query.add(new TermQuery(new Term(Fields.LANGUAGE, q.language())), Occur.FILTER);
        }
        if (q.region() != null) {
            query.add(new TermQuery(new Term(Fields.REGION, q.region())), Occur.FILTER);
        }
        if (q.country() != null) {
            query.add(new TermQuery(new Term(Fields.COUNTRY, q.country())), Occur.FILTER);
        }
        if (q.tag() != null) {
            query.add(new TermQuery(new Term(Fields.TAG, q.tag())), Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : startOf(q.from());
            long to = q.to() == null ? Long.MAX_VALUE : startOf(q.to().plusDays(1)) - 1;
            query.add(LongField.newRangeQuery(Fields.PUBLISHED, from, to), Occur.FILTER);
        }
        return query.build();
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
