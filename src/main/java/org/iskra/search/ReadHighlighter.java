package org.iskra.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlights the documents the search already read: reading them again (the highlighter's default) would
 * decompress the same stored blocks twice, which was a third of a query's cost.
 */
final class ReadHighlighter extends UnifiedHighlighter {

    private final Map<Integer, Document> read;

    ReadHighlighter(Builder builder, Map<Integer, Document> read) {
        super(builder);
        this.read = read;
    }

    /** Every highlighted field has offsets in its postings; no need to merge field infos to find out. */
    @Override
    protected OffsetSource getOffsetSource(String field) {
        return OffsetSource.POSTINGS;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) {
        List<CharSequence[]> values = new ArrayList<>();
        try {
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                Document document = read.get(doc);
                CharSequence[] row = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String value = document == null ? null : document.get(fields[i]);
                    row[i] = value == null ? "" : value;
                }
                values.add(row);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return values;
    }
}
