package org.iskra.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iskra.site.Messages;

/**
 * An import's summary in the reader's language, line by line as the command prints it in English
 * ({@link ImportSummary#print}). What the importer said about one file (why it failed or was skipped, a warning) was
 * written in English where it happened and stays so, marked as English.
 */
public final class SummaryLines {

    /**
     * @param text   in the reader's language
     * @param detail what the importer said about a file, in English, or null
     * @param indent an entry under a heading
     */
    public record Line(String text, String detail, boolean indent) {
    }

    private SummaryLines() {
    }

    static List<Line> of(ImportSummary summary, Messages t) {
        List<Line> lines = new ArrayList<>();
        int failed = summary.failures().size();
        String heading = summary.unreadable() ? t.get("importing.summary.nothing")
                : failed == 0 ? t.get("importing.summary.finished") : t.get("importing.summary.finished-failed", failed);
        lines.add(new Line(summary.dryRun() ? t.get("importing.summary.dry-run", heading) : heading, null, false));
        if (!summary.unreadable()) {
            counts(lines, t, "importing.summary.articles", summary.articles());
            counts(lines, t, "importing.summary.translations", summary.translations());
            counts(lines, t, "importing.summary.images", summary.images());
            counts(lines, t, "importing.summary.redirects", summary.redirects());
        }
        if (!summary.addedLanguages().isEmpty()) {
            lines.add(new Line(t.get(summary.dryRun() ? "importing.summary.languages-to-add" : "importing.summary.languages-added",
                    String.join(", ", summary.addedLanguages())), null, false));
        }
        files(lines, t.get("importing.summary.failed"), summary.failures());
        files(lines, t.get("importing.summary.skipped"), summary.skipped());
        if (!summary.warnings().isEmpty()) {
            lines.add(new Line(t.get("importing.summary.warnings"), null, false));
            summary.warnings().forEach(w -> lines.add(new Line(w.path() + ": ", w.message(), true)));
        }
        if (!summary.unknownShortcodes().isEmpty()) {
            lines.add(new Line(t.get("importing.summary.shortcodes"), null, false));
            summary.unknownShortcodes().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> lines.add(new Line(t.get("importing.summary.shortcode", e.getKey(), e.getValue()), null, true)));
        }
        return lines;
    }

    /** The English text an older version stored, as one block. */
    static List<Line> legacy(String text) {
        return List.of(new Line("", text, false));
    }

    private static void counts(List<Line> lines, Messages t, String kind, ImportSummary.Counts counts) {
        lines.add(new Line(t.get("importing.summary.counts", t.get(kind), counts.created(), counts.updated(),
                counts.unchanged(), counts.skipped(), counts.failed()), null, true));
    }

    private static void files(List<Line> lines, String title, List<ImportSummary.FileOutcome> files) {
        if (!files.isEmpty()) {
            lines.add(new Line(title, null, false));
            files.forEach(f -> lines.add(new Line(f.path() + ": ", f.reason(), true)));
        }
    }
}
