package org.iskra.search;

import java.util.function.Supplier;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What a parsed query will cost the index, counted before it runs: one for each term it looks up in a field (a
 * word typed is looked up in four weighted fields), more for a prefix, which walks many terms. A query in all
 * languages is the reader's words parsed once per language, so its cost is the sum over the languages: a long
 * query that is fine in one language can be too much in fifteen. Queries over the budget are refused with a
 * message (400) instead of being run.
 */
final class QueryCost {

    /** About 32 words in one language (each looked up in the title, standfirst, terms and body fields). */
    static final int PER_LANGUAGE = 128;
    /** About 8 words in each of 15 languages; one language's budget is the smaller bound there. */
    static final int IN_ALL_LANGUAGES = 480;
    /** A prefix walks the terms it begins (at most a few thousand in a large index), not one. */
    static final int PREFIX = 16;

    private int spent;

    /** Adds the query's cost; throws when the total passes {@code budget}. */
    void add(Query query, int budget) {
        query.visit(new Counter());
        if (spent > budget) {
            throw new QueryTooComplexException(null);
        }
    }

    int spent() {
        return spent;
    }

    private final class Counter extends QueryVisitor {

        @Override
        public void consumeTerms(Query query, Term... terms) {
            spent += terms.length;
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            spent += PREFIX;
        }

        @Override
        public void visitLeaf(Query query) {
            spent++;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            // excluded words cost their lookup as much as required ones
            return this;
        }
    }
}
