package org.iskra.importing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The back office's import pages: the upload form with the latest imports, and one import's progress and summary.
 *
 * @param run the import shown, or null on the form
 */
public record ImportPage(PageFrame frame, List<ImportRun> runs, ImportRun run, String error) {

    /** A running import whose node has said nothing for this long has stopped with its node. */
    static final Duration SILENT = Duration.ofMinutes(2);

    public Messages t() {
        return frame.t();
    }

    public static String state(ImportRun run) {
        if (run.status().equals("running") && run.updatedAt().isBefore(OffsetDateTime.now().minus(SILENT))) {
            return "interrupted";
        }
        return run.status();
    }

    public boolean running() {
        return run != null && state(run).equals("running");
    }
}
