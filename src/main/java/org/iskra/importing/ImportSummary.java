package org.iskra.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an import did: how many articles, translations and images it created, updated, found unchanged or could
 * not import, and why each failed file failed.
 */
public record ImportSummary(Counts articles, Counts translations, Counts images, List<Failure> failures) {

    public ImportSummary {
        failures = List.copyOf(failures);
    }

    /** @param unchanged already in the database exactly as in the folder, so skipped */
    public record Counts(int created, int updated, int unchanged, int failed) {

        public int total() {
            return created + updated + unchanged + failed;
        }
    }

    /** @param path relative to the imported folder */
    public record Failure(String path, String reason) {
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    public void print(PrintStream out) {
        out.println(succeeded() ? "Import finished." : "Import finished with " + failures.size()
                + (failures.size() == 1 ? " failed file." : " failed files."));
        out.println(line("articles", articles));
        out.println(line("translations", translations));
        out.println(line("images", images));
        if (!failures.isEmpty()) {
            out.println("Failed:");
            for (Failure failure : failures) {
                out.println("  " + failure.path() + ": " + failure.reason());
            }
        }
        out.flush();
    }

    @Override
    public String toString() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    private static String line(String what, Counts counts) {
        return String.format("  %-13s %4d created, %4d updated, %4d unchanged, %4d failed",
                what + ":", counts.created(), counts.updated(), counts.unchanged(), counts.failed());
    }
}
