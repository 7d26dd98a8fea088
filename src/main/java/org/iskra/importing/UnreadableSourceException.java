package org.iskra.importing;

/** The source as a whole cannot be read: the message says why, in words for the person who ran the import. */
class UnreadableSourceException extends Exception {

    UnreadableSourceException(String message) {
        super(message);
    }

    UnreadableSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
