package org.iskra.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.iskra.articles.SaveResult;

/** Counts what one import does while it runs, and turns into its {@link ImportSummary}. */
final class Tally {

    enum Outcome { CREATED, UPDATED, UNCHANGED, FAILED }

    private final int[] articles = new int[Outcome.values().length];
    private final int[] translations = new int[Outcome.values().length];
    private final int[] images = new int[Outcome.values().length];
    private final List<ImportSummary.Failure> failures = new ArrayList<>();

    void article(Outcome outcome) {
        articles[outcome.ordinal()]++;
    }

    void translation(SaveResult.Outcome outcome) {
        translations[Outcome.valueOf(outcome.name()).ordinal()]++;
    }

    void image(Outcome outcome) {
        images[outcome.ordinal()]++;
    }

    /** A file that could not be imported; it counts as a failed translation. */
    void failed(String path, String reason) {
        translations[Outcome.FAILED.ordinal()]++;
        failures.add(new ImportSummary.Failure(path, reason));
    }

    ImportSummary summary() {
        List<ImportSummary.Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparing(ImportSummary.Failure::path));
        return new ImportSummary(counts(articles), counts(translations), counts(images), sorted);
    }

    private static ImportSummary.Counts counts(int[] counts) {
        return new ImportSummary.Counts(counts[0], counts[1], counts[2], counts[3]);
    }
}
