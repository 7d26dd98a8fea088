package org.iskra.importing;

/**
 * One content file cannot be imported; the message is the reason shown next to its path in the summary.
 * Checked, so that every step that can reject a file says so and the importer cannot forget to catch it.
 */
class FileRejected extends Exception {

    FileRejected(String reason) {
        super(reason);
    }

    FileRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
