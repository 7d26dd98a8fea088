package org.iskra.importing;

import java.time.OffsetDateTime;

/** One import started from the back office, as its pages show it. */
public record ImportRun(long id, String fileName, String status, boolean dryRun, int total, int done, Integer exitStatus,
                        String summary, String startedBy, OffsetDateTime startedAt, OffsetDateTime updatedAt) {
}
