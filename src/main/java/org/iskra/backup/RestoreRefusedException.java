package org.iskra.backup;

/** Why a backup cannot be restored here: the database is not empty, the backup is newer or damaged. */
final class RestoreRefusedException extends RuntimeException {

    RestoreRefusedException(String message) {
        super(message);
    }
}
