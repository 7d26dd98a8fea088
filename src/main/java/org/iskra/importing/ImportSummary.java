package org.iskra.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What an import did: per kind (articles, translations, images, redirects) how many were created, updated, found
 * unchanged, skipped or failed; each skipped or failed file with its reason; warnings (a missing image, a link to a
 * page that was not imported); the shortcodes it did not know, with how often each occurred; the languages it added.
 *
 * @param unreadable true when the source itself could not be read (not an export, truncated, …): nothing was
 *                   imported, and {@code files} holds the one reason
 */
public record ImportSummary(Counts articles, Counts translations, Counts images, Counts redirects,
                            List<FileOutcome> files, List<Warning> warnings, Map<String, Integer> unknownShortcodes,
                            List<String> addedLanguages, boolean dryRun, boolean unreadable) {

    public ImportSummary {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        unknownShortcodes = Map.copyOf(unknownShortcodes);
        addedLanguages = List.copyOf(addedLanguages);
    }

    public record Counts(int created, int updated, int unchanged, int skipped, int failed) {

        public int total() {
            return created + updated + unchanged + skipped + failed;
        }
    }

    public enum Kind { SKIPPED, FAILED }

    /** @param path how the source names the file or item: a path relative to the site, or "post 123" */
    public record FileOutcome(String path, Kind kind, String reason) {
    }

    public record Warning(String path, String message) {
    }

    public List<FileOutcome> failures() {
        return files.stream().filter(file -> file.kind() == Kind.FAILED).toList();
    }

    public List<FileOutcome> skipped() {
        return files.stream().filter(file -> file.kind() == Kind.SKIPPED).toList();
    }

    public boolean succeeded() {
        return !unreadable && failures().isEmpty();
    }

    /** 0 when everything was imported, 1 when some files failed, 2 when the source could not be read at all. */
    public int exitStatus() {
        return unreadable ? 2 : failures().isEmpty() ? 0 : 1;
    }

    public void print(PrintStream out) {
        int failed = failures().size();
        String heading = unreadable ? "Nothing was imported."
                : failed == 0 ? "Import finished." : "Import finished with " + failed + (failed == 1 ? " failed file." : " failed files.");
        out.println(dryRun ? "Dry run, nothing was written. " + heading : heading);
        if (!unreadable) {
            out.println(line("articles", articles));
            out.println(line("translations", translations));
            out.println(line("images", images));
            out.println(line("redirects", redirects));
        }
        if (!addedLanguages.isEmpty()) {
            out.println((dryRun ? "Languages that would be added: " : "Languages added: ") + String.join(", ", addedLanguages));
        }
        section(out, "Failed:", failures().stream().map(f -> f.path() + ": " + f.reason()).toList());
        section(out, "Skipped:", skipped().stream().map(f -> f.path() + ": " + f.reason()).toList());
        section(out, "Warnings:", warnings.stream().map(w -> w.path() + ": " + w.message()).toList());
        section(out, "Unknown shortcodes (their inner text was kept):", unknownShortcodes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
        out.flush();
    }

    @Override
    public String toString() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println(title);
            lines.forEach(line -> out.println("  " + line));
        }
    }

    private static String line(String what, Counts counts) {
        return String.format("  %-13s %5d created, %5d updated, %5d unchanged, %5d skipped, %5d failed",
                what + ":", counts.created(), counts.updated(), counts.unchanged(), counts.skipped(), counts.failed());
    }
}
