package org.iskra.search;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * "Did you mean": each word of the query that the language's texts never use is replaced by the most similar
 * word they do use (at most two edits, the first letter kept), preferring fewer edits, then more documents.
 * Offered only if the corrected query finds something.
 */
final class SpellingSuggestions {

    private static final int MAX_SUGGESTED_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

    private final QueryBuilder queries;

    SpellingSuggestions(QueryBuilder queries) {
        this.queries = queries;
    }

    /** The corrected query text, or null when there is none that finds something. */
    String suggestion(IndexSearcher searcher, SearchQuery q) throws IOException {
        String field = Fields.words(q.language());
        IndexReader reader = searcher.getIndexReader();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(q.language());
        Matcher words = WORD.matcher(q.text());
        StringBuilder corrected = new StringBuilder();
        int copied = 0;
        int checked = 0;
        boolean changed = false;
        while (words.find() && checked++ < MAX_SUGGESTED_WORDS) {
            String word = words.group().toLowerCase(locale);
            int length = word.codePointCount(0, word.length());
            if (length < 3 || length > 30 || reader.docFreq(new Term(field, word)) > 0) {
                continue;
            }
            String closest = closest(terms, field, word, length <= 5 ? 1 : 2);
            if (closest != null) {
                corrected.append(q.text(), copied, words.start()).append(closest);
                copied = words.end();
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        corrected.append(q.text().substring(copied));
        String suggestion = corrected.toString();
        SearchQuery retry = q.withText(suggestion);
        try {
            return searcher.count(queries.withFilters(queries.text(reader, retry, new QueryCost()), retry)) > 0 ? suggestion : null;
        } catch (QueryTooComplexException e) {
            // corrected words can analyse into more terms than the typed ones; such a suggestion is not offered
            return null;
        }
    }

    private static String closest(Terms terms, String field, String word, int maxEdits) throws IOException {
        FuzzyTermsEnum similar = new FuzzyTermsEnum(terms, new Term(field, word), maxEdits, 1, true);
        String best = null;
        float bestSimilarity = 0;
        int bestFrequency = 0;
        int seen = 0;
        for (BytesRef candidate = similar.next(); candidate != null && seen < 1000; candidate = similar.next(), seen++) {
            float similarity = similar.getBoost();
            int frequency = similar.docFreq();
            if (similarity > bestSimilarity || (similarity == bestSimilarity && frequency > bestFrequency)) {
                best = candidate.utf8ToString();
                bestSimilarity = similarity;
                bestFrequency = frequency;
            }
        }
        return best;
    }
}
