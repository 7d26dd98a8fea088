package org.iskra.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The Lucene index of published translations, one document each, in a folder of its own. Plain Java, no Spring:
 * the application wraps it ({@link SearchIndexer}, {@link SearchConfiguration}) and the benchmark drives it
 * directly. Writes are buffered until {@link #refresh()} (visible to searches) and {@link #commit(long)} (on disk,
 * with the id of the newest database change it reflects). Safe for concurrent searches and one writing thread.
 */
final class SearchIndex implements Closeable {

    /** Bump when documents change shape: an index written by another schema is rebuilt on start. */
    static final String SCHEMA = "1";
    static final String CHANGE_ID_KEY = "iskra.change-id";
    static final String SCHEMA_KEY = "iskra.schema";

    static final float TITLE_WEIGHT = 3f;
    static final float STANDFIRST_WEIGHT = 2f;
    static final float TERMS_WEIGHT = 1.5f;
    static final float BODY_WEIGHT = 1f;

    /**
     * Hits are counted exactly up to this many, then "more than": the deepest page a reader can reach needs no
     * more, and an exact count of a common word would visit every document that has it.
     */
    static final int COUNT_UP_TO = 1000;
    /** How long a search waits for a free processor unless told otherwise. */
    static final java.time.Duration DEFAULT_WAIT = java.time.Duration.ofSeconds(1);
    private static final int PASSAGE_CHARS = 160;
    private static final int BODY_PASSAGES = 2;
    private static final int MAX_CHARS_TO_HIGHLIGHT = 20_000;
    private static final MarkedPassages MARKED = new MarkedPassages();
    private static final int PLAIN_FRAGMENT_CHARS = 240;
    private static final int MAX_SUGGESTED_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    private static final Sort NEWEST_FIRST = new Sort(new SortedNumericSortField(Fields.PUBLISHED, SortField.Type.LONG, true));
    private static final FieldType WORDS = new FieldType();
    /** Offsets in the postings let the highlighter find the matches without analysing the text again. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

    static {
        WORDS.setIndexOptions(IndexOptions.DOCS);
        WORDS.setTokenized(true);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
    }

    private final Path folder;
    private final Directory directory;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean existed;
    private final Map<String, String> openedWith;
    private final AtomicReference<OptionsCache> options = new AtomicReference<>(new OptionsCache(null));
    /** Searches run at most one per processor, and wait for one a bounded time (see {@link SearchSlots}). */
    private final SearchSlots slots;

    private record OptionsCache(IndexReader reader, Map<String, FilterOptions> byLanguage) {
        OptionsCache(IndexReader reader) {
            this(reader, new ConcurrentHashMap<>());
        }
    }

    private SearchIndex(Path folder, double ramBufferMb, SearchSlots slots) throws IOException {
        this.folder = folder;
        this.slots = slots;
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
        writer.addDocument(document(translation));
    }

    /** Replaces every indexed translation of the article with these (none: the article leaves the index). */
    void replaceArticle(long articleId, List<IndexedTranslation> translations) throws IOException {
        Term article = new Term(Fields.ARTICLE, Long.toString(articleId));
        if (translations.isEmpty()) {
            writer.deleteDocuments(article);
        } else {
            writer.updateDocuments(article, translations.stream().map(this::document).toList());
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

    private Document document(IndexedTranslation t) {
        String language = t.language();
        Document doc = new Document();
        doc.add(new StringField(Fields.ARTICLE, Long.toString(t.articleId()), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.ARTICLE, t.articleId()));
        doc.add(new StringField(Fields.LANGUAGE, language, Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.LANGUAGE, new BytesRef(language)));
        doc.add(new StoredField(Fields.SLUG, t.slug()));
        doc.add(new TextField(Fields.title(language), t.title(), Field.Store.YES));
        doc.add(new Field(Fields.standfirst(language), t.standfirst(), HIGHLIGHTED));
        doc.add(new Field(Fields.body(language), t.bodyText(), HIGHLIGHTED));
        StringBuilder names = new StringBuilder();
        addTerms(doc, Fields.REGION, t.regions(), names);
        addTerms(doc, Fields.COUNTRY, t.countries(), names);
        addTerms(doc, Fields.TAG, t.tags(), names);
        doc.add(new TextField(Fields.terms(language), names.toString(), Field.Store.NO));
        doc.add(new Field(Fields.words(language), t.title() + "\n" + t.standfirst() + "\n" + t.bodyText(), WORDS));
        long published = (t.publishedAt() == null ? Instant.EPOCH : t.publishedAt().toInstant()).getEpochSecond();
        doc.add(new LongField(Fields.PUBLISHED, published, Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.UPDATED, updatedMillis(t.updatedAt())));
        return doc;
    }

    private static void addTerms(Document doc, String field, List<org.iskra.taxonomy.Term> terms, StringBuilder names) {
        for (org.iskra.taxonomy.Term term : terms) {
            doc.add(new StringField(field, term.slug(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(field + Fields.NAMED_SUFFIX, new BytesRef(term.slug() + Fields.SEPARATOR + term.name())));
            names.append(term.name()).append('\n');
        }
    }

    static long updatedMillis(OffsetDateTime updatedAt) {
        return updatedAt == null ? 0 : updatedAt.toInstant().toEpochMilli();
    }

    // --- reading --------------------------------------------------------------------------------------------------

    int documentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
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

    /** Every indexed translation as "articleId:language" with when it was last changed (epoch milliseconds). */
    Map<String, Long> stamps() throws IOException {
        Map<String, Long> stamps = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
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
                        String key = stampKey(articles.longValue(), languages.lookupOrd(languages.ordValue()).utf8ToString());
                        stamps.put(key, updated.advanceExact(doc) ? updated.longValue() : 0);
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return stamps;
    }

    static String stampKey(long articleId, String language) {
        return articleId + ":" + language;
    }

    /**
     * Runs a search: refused before it runs when it would cost too much ({@link QueryTooComplexException}) or
     * when no processor becomes free in time ({@link SearchBusyException}).
     */
    SearchResults search(SearchQuery q) throws IOException {
        if (!q.hasText() && !q.hasFilters()) {
            return SearchResults.none(q.page(), q.pageSize());
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            Query text = q.hasText() ? textQuery(searcher.getIndexReader(), q, new QueryCost()) : null;
            slots.enter();
            try {
                return search(searcher, q, text);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new QueryTooComplexException(e);
            } finally {
                slots.leave();
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private SearchResults search(IndexSearcher searcher, SearchQuery q, Query text) throws IOException {
        Query query = withFilters(text, q);
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
        String[] fragments = text == null ? new String[docIds.length] : highlighted(searcher, text, docIds, docs);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < docIds.length; i++) {
            hits.add(hit(docs.get(i), fragments[i]));
        }
        long total = top.totalHits.value;
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        String suggestion = total == 0 && q.hasText() ? suggestion(searcher, q) : null;
        return new SearchResults(total, exact, q.page(), q.pageSize(), hits, suggestion);
    }

    /**
     * Highlights the documents the search already read: reading them again (the highlighter's default) would
     * decompress the same stored blocks twice, which was a third of a query's cost.
     */
    private static final class ReadHighlighter extends UnifiedHighlighter {

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
                throw new java.io.UncheckedIOException(impossible);
            }
            return values;
        }
    }

    private Query withFilters(Query text, SearchQuery q) {
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

    /**
     * The reader's words, read with each language's analyzer for all languages, or only with their own, within
     * the cost {@link QueryCost} allows. In all languages the reader's own language is read first: most of the time
     * its cost, times the number of languages, already says whether the whole will fit.
     */
    private Query textQuery(IndexReader reader, SearchQuery q, QueryCost cost) throws IOException {
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

    private static SearchHit hit(Document doc, String fragment) {
        String language = doc.get(Fields.LANGUAGE);
        String title = doc.get(Fields.title(language));
        String standfirst = doc.get(Fields.standfirst(language));
        if (fragment == null) {
            fragment = HtmlEscaper.escape(opening(standfirst == null || standfirst.isBlank() ? doc.get(Fields.body(language)) : standfirst));
        }
        long published = doc.getField(Fields.PUBLISHED).numericValue().longValue();
        return new SearchHit(Long.parseLong(doc.get(Fields.ARTICLE)), language, doc.get(Fields.SLUG), title,
                standfirst == null ? "" : standfirst, fragment,
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(published), ZoneOffset.UTC));
    }

    /**
     * For each document, the best passages of its body with the query's words marked, else of its standfirst, as
     * HTML; null where neither matched. The matches come from offsets stored in the postings: no text is analysed
     * again, which is what made the classic highlighter three quarters of a query's cost.
     */
    private String[] highlighted(IndexSearcher searcher, Query text, int[] docIds, List<Document> docs) throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        Set<String> languages = new java.util.TreeSet<>();
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

    /** The start of a text, cut at a word boundary. */
    private static String opening(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        if (stripped.length() <= PLAIN_FRAGMENT_CHARS) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', PLAIN_FRAGMENT_CHARS);
        return stripped.substring(0, cut > PLAIN_FRAGMENT_CHARS / 2 ? cut : PLAIN_FRAGMENT_CHARS) + " …";
    }

    /**
     * "Did you mean": each word of the query that the language's texts never use is replaced by the most similar
     * word they do use (at most two edits, the first letter kept), preferring fewer edits, then more documents.
     * Offered only if the corrected query finds something.
     */
    private String suggestion(IndexSearcher searcher, SearchQuery q) throws IOException {
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
            return searcher.count(withFilters(textQuery(reader, retry, new QueryCost()), retry)) > 0 ? suggestion : null;
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

    /** The regions, countries and tags of a language's translations, named in it and sorted as its readers sort. */
    FilterOptions filterOptions(String language) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            OptionsCache cache = options.get();
            if (cache.reader() != reader) {
                OptionsCache fresh = new OptionsCache(reader);
                cache = options.compareAndSet(cache, fresh) ? fresh : options.get();
            }
            FilterOptions known = cache.reader() == reader ? cache.byLanguage().get(language) : null;
            if (known != null) {
                return known;
            }
            FilterOptions found = collectOptions(reader, language);
            if (cache.reader() == reader) {
                cache.byLanguage().put(language, found);
            }
            return found;
        } finally {
            searchers.release(searcher);
        }
    }

    private static FilterOptions collectOptions(IndexReader reader, String language) throws IOException {
        Map<String, Map<String, String>> named = new HashMap<>();
        List<String> fields = List.of(Fields.REGION, Fields.COUNTRY, Fields.TAG);
        for (String field : fields) {
            named.put(field, new HashMap<>());
        }
        Term languageTerm = new Term(Fields.LANGUAGE, language);
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader leafReader = leaf.reader();
            PostingsEnum docs = leafReader.postings(languageTerm, PostingsEnum.NONE);
            if (docs == null) {
                continue;
            }
            Map<String, SortedSetDocValues> values = new HashMap<>();
            Map<String, Set<Long>> ords = new HashMap<>();
            for (String field : fields) {
                values.put(field, DocValues.getSortedSet(leafReader, field + Fields.NAMED_SUFFIX));
                ords.put(field, new HashSet<>());
            }
            var live = leafReader.getLiveDocs();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                for (String field : fields) {
                    SortedSetDocValues dv = values.get(field);
                    if (dv.advanceExact(doc)) {
                        for (int i = 0; i < dv.docValueCount(); i++) {
                            ords.get(field).add(dv.nextOrd());
                        }
                    }
                }
            }
            for (String field : fields) {
                SortedSetDocValues dv = values.get(field);
                for (long ord : ords.get(field)) {
                    String value = dv.lookupOrd(ord).utf8ToString();
                    int separator = value.indexOf(Fields.SEPARATOR);
                    named.get(field).putIfAbsent(value.substring(0, separator), value.substring(separator + 1));
                }
            }
        }
        Collator collator = Collator.getInstance(ULocale.forLanguageTag(language));
        return new FilterOptions(sorted(named.get(Fields.REGION), collator), sorted(named.get(Fields.COUNTRY), collator),
                sorted(named.get(Fields.TAG), collator));
    }

    private static List<FilterOption> sorted(Map<String, String> named, Collator collator) {
        return named.entrySet().stream()
                .map(e -> new FilterOption(e.getKey(), e.getValue()))
                .sorted((a, b) -> collator.compare(a.name(), b.name()))
                .toList();
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }
}
