package org.iskra.mirror;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of {@code /admin/mirror}: the folder runs write into (null when none is configured), the latest run
 * with its progress or summary, and the signing key's fingerprint and address for readers.
 */
public record MirrorAdminPage(PageFrame frame, String folder, boolean running, int done, int found, String startedAt,
                              MirrorWriter.Summary summary, String failure, String fingerprint, String keyUrl,
                              String csrfParameter, String csrfToken, String notice) {

    public Messages t() {
        return frame.t();
    }

    public String millisPerPage() {
        return summary == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", summary.millisPerPage());
    }
}
