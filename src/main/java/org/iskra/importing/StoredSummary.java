package org.iskra.importing;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An import's summary as {@code import_run.summary} keeps it: the summary itself in JSON, not its English text, so
 * that each reader's page can put it in their language ({@link SummaryLines}). Imports finished before this
 * version kept the English text; those are shown as they are.
 */
final class StoredSummary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredSummary() {
    }

    static String write(ImportSummary summary) {
        return JSON.writeValueAsString(summary);
    }

    /** The summary, or empty for the English text an older version stored. */
    static Optional<ImportSummary> read(String stored) {
        if (stored == null || !stored.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(stored, ImportSummary.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
