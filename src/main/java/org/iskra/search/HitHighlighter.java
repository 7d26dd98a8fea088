package org.iskra.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The fragment each hit shows: the best passages of its body with the query's words marked, else of its
 * standfirst, as HTML. The matches come from offsets stored in the postings: no text is analysed again, which is
 * what made the classic highlighter three quarters of a query's cost.
 */
final class HitHighlighter {

    private static final int PASSAGE_CHARS = 160;
    private static final int BODY_PASSAGES = 2;
    private static final int MAX_CHARS_TO_HIGHLIGHT = 20_000;
    private static final MarkedPassages MARKED = new MarkedPassages();

    private final Analyzer analyzers;

    HitHighlighter(Analyzer analyzers) {
        this.analyzers = analyzers;
    }

    /** For each document (already read: {@code docs} in the order of {@code docIds}), its fragment; null where nothing matched. */
    String[] fragments(IndexSearcher searcher, Query text, int[] docIds, List<Document> docs) throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        Set<String> languages = new TreeSet<>();
        docs.forEach(doc -> languages.add(doc.get(Fields.LANGUAGE)));
        List<String> fields = new ArrayList<>();
        for (String language : languages) {
            fields.add(Fields.body(language));
            fields.add(Fields.standfirst(language));
        }
        int[] passages = fields.stream().mapToInt(field -> field.startsWith("body_") ? BODY_PASSAGES : 1).toArray();
        Map<Integer, Document> read = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            read.put(docIds[i], docs.get(i));
        }
        UnifiedHighlighter.Builder highlighter = UnifiedHighlighter.builder(searcher, analyzers)
                .withFormatter(MARKED)
                // passages of about PASSAGE_CHARS around the match, cut between words: the JDK's sentence iterator
                // cost more than all the rest of a query
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), PASSAGE_CHARS, 0.5f))
                .withMaxLength(MAX_CHARS_TO_HIGHLIGHT)
                .withMaxNoHighlightPassages(0)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withPassageRelevancyOverSpeed(false);
        Map<String, String[]> found = new ReadHighlighter(highlighter, read).highlightFields(fields.toArray(String[]::new), text, docIds, passages);
        String[] fragments = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            String language = docs.get(i).get(Fields.LANGUAGE);
            String body = found.get(Fields.body(language))[i];
            fragments[i] = body != null && !body.isEmpty() ? body : emptyToNull(found.get(Fields.standfirst(language))[i]);
        }
        return fragments;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
