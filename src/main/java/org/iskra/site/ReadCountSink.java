package org.iskra.site;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where the read counts of public pages go when {@link PageReads} flushes them. A feature that marks its pages as
 * read (see {@link PageReads#markRead}) stores the counts of its subjects and ignores the others.
 */
public interface ReadCountSink {

    /** Adds {@code reads} (subject → reads since the last flush) to the counts of {@code day}. */
    void add(LocalDate day, Map<String, Long> reads);
}
