package org.iskra.importing;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One import started from the back office, as its pages show it.
 *
 * @param status as stored: running, finished or failed (see {@link #state})
 */
public record ImportRun(long id, String fileName, String status, boolean dryRun, int total, int done, Integer exitStatus,
                        String summary, String startedBy, OffsetDateTime startedAt, OffsetDateTime updatedAt) {

    /** A running import whose node has said nothing for this long has stopped with its node. */
    static final Duration SILENT = Duration.ofMinutes(2);

    public ImportStatus state() {
        ImportStatus stored = ImportStatus.stored(status);
        if (stored == ImportStatus.RUNNING && updatedAt.isBefore(OffsetDateTime.now().minus(SILENT))) {
            return ImportStatus.INTERRUPTED;
        }
        return stored;
    }
}
