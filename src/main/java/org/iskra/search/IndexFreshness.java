package org.iskra.search;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.TranslationStamp;

/**
 * Whether this node's index on disk can be trusted when the node starts, and what it disagrees with the database
 * about: an index is rebuilt when it is missing, of another schema or older than the change log; otherwise the
 * translations that changed while the node was away are re-indexed one by one.
 */
final class IndexFreshness {

    private final SearchIndex index;
    private final ArticleCatalog catalog;

    IndexFreshness(SearchIndex index, ArticleCatalog catalog) {
        this.index = index;
        this.catalog = catalog;
    }

    /** Why the index on disk cannot be trusted, or null if it can. */
    String staleness() {
        if (!index.existed()) {
            return "missing in " + index.folder();
        }
        if (unreadable()) {
            return "written in another format";
        }
        long latest = catalog.latestChangeId();
        if (index.openedAtChange() != latest) {
            return "stale (it reflects change " + index.openedAtChange() + ", the database is at change " + latest + ")";
        }
        return null;
    }

    /** Missing or of another schema: it has nothing to offer while it is rebuilt, so it is rebuilt from empty. */
    boolean useless() {
        return !index.existed() || unreadable();
    }

    private boolean unreadable() {
        return !SearchIndex.SCHEMA.equals(index.schema());
    }

    /** The articles whose published translations the index holds otherwise than the database, or not at all. */
    Set<Long> differences() throws IOException {
        Map<String, Long> indexed = index.stamps();
        Set<Long> differ = new LinkedHashSet<>();
        for (TranslationStamp stamp : catalog.allPublished()) {
            Long at = indexed.remove(IndexStamps.key(stamp.articleId(), stamp.language()));
            if (at == null || at != TranslationDocuments.updatedMillis(stamp.updatedAt())) {
                differ.add(stamp.articleId());
            }
        }
        for (String gone : indexed.keySet()) {
            differ.add(IndexStamps.articleOf(gone));
        }
        return differ;
    }
}
