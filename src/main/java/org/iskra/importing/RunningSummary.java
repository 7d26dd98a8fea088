package org.iskra.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iskra.articles.SaveResult;

/**
 * The summary of an import while it runs: counts what it does to each kind (articles, translations, images,
 * redirects) and each file, and turns into its {@link ImportSummary} at the end. Thread-safe.
 */
final class RunningSummary {

    enum Kind { ARTICLE, TRANSLATION, IMAGE, REDIRECT }

    enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED;

        static Outcome of(SaveResult.Outcome saved) {
            return valueOf(saved.name());
        }
    }

    private final Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
    private final List<ImportSummary.FileOutcome> files = new ArrayList<>();
    private final List<ImportSummary.Warning> warnings = new ArrayList<>();
    private final Map<String, Integer> shortcodes = new TreeMap<>();
    private final List<String> addedLanguages = new ArrayList<>();
    private boolean unreadable;

    RunningSummary() {
        for (Kind kind : Kind.values()) {
            counts.put(kind, new int[Outcome.values().length]);
        }
    }

    synchronized void count(Kind kind, Outcome outcome) {
        counts.get(kind)[outcome.ordinal()]++;
    }

    /** A file (or WordPress item) that was not imported on purpose: a placeholder, a draft, a private post. */
    synchronized void skipped(String path, String reason) {
        count(Kind.TRANSLATION, Outcome.SKIPPED);
        files.add(new ImportSummary.FileOutcome(path, ImportSummary.Kind.SKIPPED, reason));
    }

    /** A file that could not be imported; it counts as a failed translation. */
    synchronized void failed(String path, String reason) {
        count(Kind.TRANSLATION, Outcome.FAILED);
        files.add(new ImportSummary.FileOutcome(path, ImportSummary.Kind.FAILED, reason));
    }

    synchronized void warning(String path, String message) {
        warnings.add(new ImportSummary.Warning(path, message));
    }

    synchronized void unknownShortcode(String name) {
        shortcodes.merge(name, 1, Integer::sum);
    }

    synchronized void languageAdded(String code) {
        addedLanguages.add(code);
    }

    /** The source could not be read at all. */
    synchronized void unreadable(String source, String reason) {
        unreadable = true;
        files.add(new ImportSummary.FileOutcome(source, ImportSummary.Kind.FAILED, reason));
    }

    synchronized ImportSummary summary(boolean dryRun) {
        List<ImportSummary.FileOutcome> sortedFiles = new ArrayList<>(files);
        sortedFiles.sort(Comparator.comparing(ImportSummary.FileOutcome::path));
        List<ImportSummary.Warning> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort(Comparator.comparing(ImportSummary.Warning::path));
        return new ImportSummary(counts(Kind.ARTICLE), counts(Kind.TRANSLATION), counts(Kind.IMAGE),
                counts(Kind.REDIRECT), sortedFiles, sortedWarnings, shortcodes, addedLanguages, dryRun, unreadable);
    }

    private ImportSummary.Counts counts(Kind kind) {
        int[] c = counts.get(kind);
        return new ImportSummary.Counts(c[0], c[1], c[2], c[3], c[4]);
    }
}
