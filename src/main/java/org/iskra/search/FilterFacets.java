package org.iskra.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The regions, countries and tags a language's translations carry, named in it and sorted as its readers sort: the
 * search form's filters. Collecting them walks every document of the language, so they are kept per language for
 * as long as the index reader they were read from is the current one; a refresh brings a new reader and with it an
 * empty cache.
 */
final class FilterFacets {

    private static final List<String> FIELDS = List.of(Fields.REGION, Fields.COUNTRY, Fields.TAG);

    private final AtomicReference<Cache> cache = new AtomicReference<>(new Cache(null));

    private record Cache(IndexReader reader, Map<String, FilterOptions> byLanguage) {
        Cache(IndexReader reader) {
            this(reader, new ConcurrentHashMap<>());
        }
    }

    FilterOptions of(IndexReader reader, String language) throws IOException {
        Cache current = cache.get();
        if (current.reader() != reader) {
            Cache fresh = new Cache(reader);
            current = cache.compareAndSet(current, fresh) ? fresh : cache.get();
        }
        FilterOptions known = current.reader() == reader ? current.byLanguage().get(language) : null;
        if (known != null) {
            return known;
        }
        FilterOptions found = collect(reader, language);
        if (current.reader() == reader) {
            current.byLanguage().put(language, found);
        }
        return found;
    }

    private static FilterOptions collect(IndexReader reader, String language) throws IOException {
        Map<String, Map<String, String>> named = new HashMap<>();
        for (String field : FIELDS) {
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
            for (String field : FIELDS) {
                values.put(field, DocValues.getSortedSet(leafReader, field + Fields.NAMED_SUFFIX));
                ords.put(field, new HashSet<>());
            }
            var live = leafReader.getLiveDocs();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                for (String field : FIELDS) {
                    SortedSetDocValues dv = values.get(field);
                    if (dv.advanceExact(doc)) {
                        for (int i = 0; i < dv.docValueCount(); i++) {
                            ords.get(field).add(dv.nextOrd());
                        }
                    }
                }
            }
            for (String field : FIELDS) {
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
}
