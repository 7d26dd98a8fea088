package org.iskra.importing;

/** Told how an import advances, to show it: a bar on a terminal, lines in a log, a page in the back office. */
interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void started(int total) {
        }

        @Override
        public void advanced(int done) {
        }

        @Override
        public void finished() {
        }
    };

    void started(int total);

    /** @param done how many files or items are done so far, in all */
    void advanced(int done);

    void finished();
}
