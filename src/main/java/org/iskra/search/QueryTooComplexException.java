package org.iskra.search;

/** The query has more words and operators than the index will combine in one search. */
class QueryTooComplexException extends RuntimeException {

    QueryTooComplexException(Throwable cause) {
        super(null, cause, false, false);
    }
}
