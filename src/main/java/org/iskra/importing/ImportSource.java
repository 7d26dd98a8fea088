package org.iskra.importing;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A site's archive as the importer reads it: first {@link #prepare} (everything needed to know the articles'
 * languages and originals, and whether the source can be read at all), then {@link #read}, which hands over one
 * article at a time so that a large archive never sits in memory whole.
 */
interface ImportSource {

    /** @throws UnreadableSourceException when nothing can be imported from it (not an export, truncated, …) */
    void prepare() throws UnreadableSourceException;

    /** How many files or items {@link #read} goes through, for the progress bar. */
    int size();

    /** The BCP 47 codes of every language the articles are in. */
    Set<String> languages();

    /**
     * @param done told after each file or item, with how many it stood for
     */
    void read(Consumer<SourceArticle> articles, Consumer<Integer> done) throws UnreadableSourceException;
}
