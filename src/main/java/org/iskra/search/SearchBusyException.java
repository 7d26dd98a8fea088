package org.iskra.search;

/** No processor became free for a search in time: a 503 that asks the reader to try again shortly. */
final class SearchBusyException extends RuntimeException {

    SearchBusyException() {
        super(null, null, false, false);
    }
}
