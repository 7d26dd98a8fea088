package org.iskra.importing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reading and writing side by side: one thread reads the source and turns its files into articles (XML, front
 * matter, HTML and shortcodes to Markdown), the calling thread writes them to the database, which is the half that
 * holds the transaction. On two cores this nearly halves an import's time; a small queue between them keeps memory
 * bounded whichever side is slower.
 */
final class ImportPipeline {

    private static final int QUEUE = 32;
    private static final Object END = new Object();

    private final ImportSource source;
    private final ArchiveWriter writer;
    private final ImportProgress progress;

    ImportPipeline(ImportSource source, ArchiveWriter writer, ImportProgress progress) {
        this.source = source;
        this.writer = writer;
        this.progress = progress;
    }

    /** Reads and writes everything; a reader's failure surfaces here, after what was read before it is written. */
    void run() throws UnreadableSourceException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                source.read(article -> put(queue, article), count -> put(queue, count));
            } catch (UnreadableSourceException | RuntimeException | Error e) {
                failure.set(e);
            } finally {
                put(queue, END);
            }
        }, "import-reader");
        reader.setDaemon(true);
        reader.start();
        int done = 0;
        try {
            for (Object next = queue.take(); next != END; next = queue.take()) {
                if (next instanceof SourceArticle article) {
                    writer.write(article);
                } else {
                    done += (Integer) next;
                    progress.advanced(done);
                }
            }
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } catch (RuntimeException | Error e) {
            reader.interrupt();
            throw e;
        }
        Throwable failed = failure.get();
        if (failed instanceof UnreadableSourceException unreadable) {
            throw unreadable;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        }
    }
}
