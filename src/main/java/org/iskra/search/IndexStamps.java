package org.iskra.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;

/**
 * What the index holds, translation by translation, with when each was last changed: compared with the database
 * when a node starts, to re-index what changed while it was away. Keys are "articleId:language".
 */
final class IndexStamps {

    private IndexStamps() {
    }

    /** Every indexed translation as "articleId:language" with when it was last changed (epoch milliseconds). */
    static Map<String, Long> read(IndexReader index) throws IOException {
        Map<String, Long> stamps = new HashMap<>();
        for (LeafReaderContext leaf : index.leaves()) {
            LeafReader reader = leaf.reader();
            NumericDocValues articles = DocValues.getNumeric(reader, Fields.ARTICLE);
            SortedDocValues languages = DocValues.getSorted(reader, Fields.LANGUAGE);
            NumericDocValues updated = DocValues.getNumeric(reader, Fields.UPDATED);
            var live = reader.getLiveDocs();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (articles.advanceExact(doc) && languages.advanceExact(doc)) {
                    String key = key(articles.longValue(), languages.lookupOrd(languages.ordValue()).utf8ToString());
                    stamps.put(key, updated.advanceExact(doc) ? updated.longValue() : 0);
                }
            }
        }
        return stamps;
    }

    static String key(long articleId, String language) {
        return articleId + ":" + language;
    }

    static long articleOf(String key) {
        return Long.parseLong(key.substring(0, key.indexOf(':')));
    }

    /** The articles of these keys. */
    static Set<Long> articles(Set<String> keys) {
        Set<Long> ids = new HashSet<>();
        for (String key : keys) {
            ids.add(articleOf(key));
        }
        return ids;
    }
}
