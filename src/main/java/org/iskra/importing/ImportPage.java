package org.iskra.importing;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The back office's import pages: the upload form with the latest imports, and one import's progress and summary.
 *
 * @param run the import shown, or null on the form
 */
public record ImportPage(PageFrame frame, List<ImportRun> runs, ImportRun run, String error) {

    public Messages t() {
        return frame.t();
    }

    /** The run's summary in the reader's language, line by line; empty while it runs. */
    public List<SummaryLines.Line> summaryLines() {
        if (run == null || run.summary() == null) {
            return List.of();
        }
        return StoredSummary.read(run.summary()).map(summary -> SummaryLines.of(summary, t()))
                .orElseGet(() -> SummaryLines.legacy(run.summary()));
    }

    public boolean running() {
        return run != null && run.state() == ImportStatus.RUNNING;
    }
}
