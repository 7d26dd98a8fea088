package org.iskra.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Reads what a reader types the way a search box should: words must all appear (in any of the weighted fields),
 * {@code "quoted phrases"}, {@code -excluded}, {@code a | b}, {@code (groups)} and {@code prefix*} work, and
 * nothing a reader can type makes it fail: unbalanced quotes or parentheses and stray operators are read as text
 * (that is SimpleQueryParser's contract). Fuzzy and proximity operators are off, and a prefix needs three letters,
 * so that no query can make the index walk most of its terms.
 */
final class LenientQueryParser extends SimpleQueryParser {

    private static final int OPERATORS = AND_OPERATOR | NOT_OPERATOR | OR_OPERATOR | PHRASE_OPERATOR | PREFIX_OPERATOR
            | PRECEDENCE_OPERATORS | ESCAPE_OPERATOR | WHITESPACE_OPERATOR;
    static final int MIN_PREFIX = 3;

    private final String wordsField;

    /**
     * @param wordsField a field of the same texts' unstemmed words: a prefix is looked up there, because the stemmed
     *                   fields hold "organ" for "organization", which "organi*" would never find
     */
    LenientQueryParser(Analyzer analyzer, Map<String, Float> weights, String wordsField) {
        super(analyzer, weights, OPERATORS);
        this.wordsField = wordsField;
        setDefaultOperator(BooleanClause.Occur.MUST);
    }

    @Override
    protected Query newPrefixQuery(String text) {
        if (text.codePointCount(0, text.length()) < MIN_PREFIX) {
            return newDefaultQuery(text);
        }
        BytesRef prefix = getAnalyzer().normalize(wordsField, text);
        return new PrefixQuery(new Term(wordsField, prefix));
    }
}
