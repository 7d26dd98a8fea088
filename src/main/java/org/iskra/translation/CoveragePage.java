package org.iskra.translation;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of /admin/translations: the matrix, and the queue of the asked language or a translator's own
 * ({@code queue} null when there is none to show: an editor who asked for no language).
 */
public record CoveragePage(PageFrame frame, Coverage queue, CoverageMatrix matrix, String selectedLanguage) {

    static final int QUEUE_HEAD = 8;

    /** The head of the queue, shown above the matrix; the rest of the work is in the matrix. */
    public java.util.List<Coverage.Task> queueHead() {
        return queue == null ? java.util.List.of() : queue.tasks().subList(0, Math.min(QUEUE_HEAD, queue.tasks().size()));
    }

    public Messages t() {
        return frame.t();
    }

    /** A cell's words for screen readers and tooltips: "Russian: outdated, see what changed". */
    public String label(CoverageMatrix.Cell cell) {
        Messages t = frame.t();
        String state = t.get("translations.cell." + cell.state() + (cell.href() != null && !"current".equals(cell.state())
                && !"original".equals(cell.state()) ? "-link" : ""));
        return t.get("translations.cell.label", t.languageName(cell.language()), state);
    }

    /** A region's cell: "Russian: 3 current, 1 outdated, 2 missing". */
    public String label(String language, Coverage.Counts counts) {
        Messages t = frame.t();
        return t.get("translations.cell.label", t.languageName(language),
                t.get("translations.cell.counts", counts.current(), counts.outdated(), counts.missing()));
    }

    public String pagePath(int page) {
        String language = selectedLanguage.isEmpty() ? "" : "language=" + java.net.URLEncoder.encode(selectedLanguage,
                java.nio.charset.StandardCharsets.UTF_8);
        String number = page <= 1 ? "" : "page=" + page;
        String query = language + (language.isEmpty() || number.isEmpty() ? "" : "&") + number;
        return "/admin/translations" + (query.isEmpty() ? "" : "?" + query);
    }
}
