package org.iskra.join;

/**
 * A join request that could not be committed (the database is unreachable, or this node is shutting down). The
 * applicant gets the form back with what they typed and is asked to send it again: nothing was acknowledged, and
 * the form token makes a second attempt safe even if the first did reach the database after all.
 */
class JoinNotStoredException extends RuntimeException {

    JoinNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
