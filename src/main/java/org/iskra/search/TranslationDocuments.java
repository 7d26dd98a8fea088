package org.iskra.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * How a published translation becomes a Lucene document, and how a found document becomes a hit. Both directions
 * live here because they must agree on every field: what one writes, the other reads back.
 */
final class TranslationDocuments {

    private static final int PLAIN_FRAGMENT_CHARS = 240;
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

    private TranslationDocuments() {
    }

    static Document document(IndexedTranslation t) {
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

    /** When a translation was last changed, as the index stores it: compared with the database on reconciling. */
    static long updatedMillis(OffsetDateTime updatedAt) {
        return updatedAt == null ? 0 : updatedAt.toInstant().toEpochMilli();
    }

    /** A found document as the search page shows it; without a highlighted fragment, the opening of its text. */
    static SearchHit hit(Document doc, String fragment) {
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
}
