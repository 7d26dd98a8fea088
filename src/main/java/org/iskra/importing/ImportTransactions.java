package org.iskra.importing;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The transactions of one import: articles are written in batches, one transaction per batch (a commit per article
 * would be most of the work on an embedded database), and each save in a savepoint of its own, so that one text
 * the database refuses fails alone and leaves the batch usable (PostgreSQL refuses every later statement of a
 * transaction after an error, unless it was rolled back to a savepoint). A dry run rolls every batch back.
 */
final class ImportTransactions {

    /** A piece of work that may reject its file. */
    interface Work<T> {
        T run() throws FileRejected;
    }

    private static final DefaultTransactionDefinition BATCH = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    private static final DefaultTransactionDefinition SAVEPOINT = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager manager;
    private final boolean dryRun;
    private final int batchSize;
    private TransactionStatus batch;
    private int articlesInBatch;

    ImportTransactions(PlatformTransactionManager manager, boolean dryRun, int batchSize) {
        this.manager = manager;
        this.dryRun = dryRun;
        this.batchSize = batchSize;
    }

    /** Runs {@code work} in a savepoint of the current batch: what it wrote is undone when it fails. */
    <T> T attempt(Work<T> work) throws FileRejected {
        if (batch == null) {
            batch = manager.getTransaction(BATCH);
        }
        TransactionStatus savepoint = manager.getTransaction(SAVEPOINT);
        T result;
        try {
            result = work.run();
        } catch (FileRejected | RuntimeException | Error e) {
            manager.rollback(savepoint);
            throw e;
        }
        manager.commit(savepoint);
        return result;
    }

    /** One article is complete; after a batch of them, they are committed (or, in a dry run, undone). */
    void articleDone() {
        if (++articlesInBatch >= batchSize) {
            endBatch();
        }
    }

    void finish() {
        endBatch();
    }

    /** When the import stops on an error of the database itself: the open batch is undone. */
    void abandon() {
        if (batch != null) {
            TransactionStatus open = batch;
            batch = null;
            articlesInBatch = 0;
            manager.rollback(open);
        }
    }

    private void endBatch() {
        if (batch == null) {
            articlesInBatch = 0;
            return;
        }
        TransactionStatus open = batch;
        batch = null;
        articlesInBatch = 0;
        if (dryRun) {
            manager.rollback(open);
        } else {
            manager.commit(open);
        }
    }
}
