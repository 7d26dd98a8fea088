package org.iskra.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The Lucene index of published translations, one document each, in a folder of its own: opening and closing it,
 * writing to it, and running a search from query to hits. Plain Java, no Spring: the application wraps it
 * ({@link SearchIndexer}, {@link SearchConfiguration}) and the benchmark drives it directly. Writes are buffered
 * until {@link #refresh()} (visible to searches) and {@link #commit(long)} (on disk, with the id of the newest
 * database change it reflects). Safe for concurrent searches and one writing thread.
 *
 * <p>The parts of a search are classes of their own: {@link TranslationDocuments} (what a document holds),
 * {@link QueryBuilder} (the Lucene query), {@link HitHighlighter} (the fragments), {@link SpellingSuggestions}
 * ("did you mean") and {@link FilterFacets} (the filters a language offers).
 */
final class SearchIndex implements Closeable {

    /** Bump when documents change shape: an index written by another schema is rebuilt on start. */
    static final String SCHEMA = "1";
    static final String CHANGE_ID_KEY = "iskra.change-id";
    static final String SCHEMA_KEY = "iskra.schema";

    /**
     * Hits are counted exactly up to this many, then "more than": the deepest page a reader can reach needs no
     * more, and an exact count of a common word would visit every document that has it.
     */
    static final int COUNT_UP_TO = 1000;
    /** How long a search waits for a free processor unless told otherwise. */
    static final java.time.Duration DEFAULT_WAIT = java.time.Duration.ofSeconds(1);
    private static final Sort NEWEST_FIRST = new Sort(new SortedNumericSortField(Fields.PUBLISHED, SortField.Type.LONG, true));

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean existed;
    private final Map<String, String> openedWith;
    /** Searches run at most one per processor, and wait for one a bounded time (see {@link SearchSlots}). */
    private final SearchSlots slots;
    private final QueryBuilder queries;
    private final HitHighlighter highlighter;
    private final SpellingSuggestions suggestions;
    private final FilterFacets facets = new FilterFacets();

    private SearchIndex(Path folder, double ramBufferMb, SearchSlots slots) throws IOException {
        this.folder = folder;
        this.slots = slots;
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        this.queries = new QueryBuilder(analyzers);
        this.highlighter = new HitHighlighter(analyzers);
        this.suggestions = new SpellingSuggestions(queries);
        Files.createDirectories(folder);
        Directory dir = FSDirectory.open(folder);
        try {
            this.existed = DirectoryReader.indexExists(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzers)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // what was not committed is discarded on close: a rebuild cut short leaves the last good commit
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(ramBufferMb);
            this.writer = new IndexWriter(dir, config);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        this.directory = dir;
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        this.openedWith = Map.copyOf(data);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in the folder, or an empty one if there is none; fails if another process has it open. */
    static SearchIndex open(Path folder) throws IOException {
        return open(folder, 16);
    }

    static SearchIndex open(Path folder, double ramBufferMb) throws IOException {
        return open(folder, ramBufferMb, SearchSlots.perProcessor(DEFAULT_WAIT));
    }

    static SearchIndex open(Path folder, double ramBufferMb, SearchSlots slots) throws IOException {
        return new SearchIndex(folder, ramBufferMb, slots);
    }

    SearchSlots slots() {
        return slots;
    }

    Path folder() {
        return folder;
    }

    /** Whether the folder held an index when it was opened. */
    boolean existed() {
        return existed;
    }

    /** The schema the index was last committed with, or null. */
    String schema() {
        return openedWith.get(SCHEMA_KEY);
    }

    /** The newest database change the index reflected when it was opened, or -1 if unknown. */
    long openedAtChange() {
        String value = openedWith.get(CHANGE_ID_KEY);
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // --- writing --------------------------------------------------------------------------------------------------

    /** Adds a translation without looking for an older copy: for filling an empty index. */
    void add(IndexedTranslation translation) throws IOException {
        writer.addDocument(TranslationDocuments.document(translation));
    }

    /** Replaces every indexed translation of the article with these (none: the article leaves the index). */
    void replaceArticle(long articleId, List<IndexedTranslation> translations) throws IOException {
        Term article = new Term(Fields.ARTICLE, Long.toString(articleId));
        if (translations.isEmpty()) {
            writer.deleteDocuments(article);
        } else {
            writer.updateDocuments(article, translations.stream().map(TranslationDocuments::document).toList());
        }
    }

    void deleteArticles(Set<Long> articleIds) throws IOException {
        Term[] terms = articleIds.stream().map(id -> new Term(Fields.ARTICLE, Long.toString(id))).toArray(Term[]::new);
        if (terms.length > 0) {
            writer.deleteDocuments(terms);
        }
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Merges the index into at most this many segments: fewer segments, fewer lookups per query. */
    void merge(int maxSegments) throws IOException {
        writer.forceMerge(maxSegments);
    }

    /** Makes what was written visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Writes what was written to disk, noting the newest database change it reflects. */
    void commit(long changeId) throws IOException {
        writer.setLiveCommitData(Map.of(CHANGE_ID_KEY, Long.toString(changeId), SCHEMA_KEY, SCHEMA).entrySet());
        writer.commit();
    }

    // --- reading --------------------------------------------------------------------------------------------------

    int documentCount() throws IOException {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    long sizeOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** Every indexed translation as "articleId:language" with when it was last changed (see {@link IndexStamps}). */
    Map<String, Long> stamps() throws IOException {
        return read(searcher -> IndexStamps.read(searcher.getIndexReader()));
    }

    /** The regions, countries and tags of a language's translations, named in it and sorted as its readers sort. */
    FilterOptions filterOptions(String language) throws IOException {
        return read(searcher -> facets.of(searcher.getIndexReader(), language));
    }

    /**
     * Runs a search: refused before it runs when it would cost too much ({@link QueryTooComplexException}) or
     * when no processor becomes free in time ({@link SearchBusyException}).
     */
    SearchResults search(SearchQuery q) throws IOException {
        if (!q.hasText() && !q.hasFilters()) {
            return SearchResults.none(q.page(), q.pageSize());
        }
        return read(searcher -> {
            Query text = q.hasText() ? queries.text(searcher.getIndexReader(), q, new QueryCost()) : null;
            slots.enter();
            try {
                return search(searcher, q, text);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new QueryTooComplexException(e);
            } finally {
                slots.leave();
            }
        });
    }

    private SearchResults search(IndexSearcher searcher, SearchQuery q, Query text) throws IOException {
        Query query = queries.withFilters(text, q);
        int wanted = q.page() * q.pageSize();
        int countUpTo = Math.max(wanted, COUNT_UP_TO);
        TopDocs top = text == null || q.order() == SearchQuery.Order.NEWEST
                ? searcher.search(query, new TopFieldCollectorManager(NEWEST_FIRST, wanted, countUpTo))
                : searcher.search(query, new TopScoreDocCollectorManager(wanted, countUpTo));
        int first = Math.min((q.page() - 1) * q.pageSize(), top.scoreDocs.length);
        int[] docIds = new int[top.scoreDocs.length - first];
        List<Document> docs = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = top.scoreDocs[first + i].doc;
            docs.add(stored.document(docIds[i]));
        }
        String[] fragments = text == null ? new String[docIds.length] : highlighter.fragments(searcher, text, docIds, docs);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < docIds.length; i++) {
            hits.add(TranslationDocuments.hit(docs.get(i), fragments[i]));
        }
        long total = top.totalHits.value;
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        String suggestion = total == 0 && q.hasText() ? suggestions.suggestion(searcher, q) : null;
        return new SearchResults(total, exact, q.page(), q.pageSize(), hits, suggestion);
    }

    private interface Reading<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    /** Reads from the current searcher and gives it back, whatever happens. */
    private <T> T read(Reading<T> reading) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return reading.from(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }
}
