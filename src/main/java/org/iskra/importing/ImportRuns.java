package org.iskra.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports started from the back office: the upload is kept in the data folder, imported in the background on this
 * node (one at a time), its progress and summary written to {@code import_run} so that any node can show them, and
 * the upload removed afterwards.
 */
@Service
class ImportRuns {

    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final ArchiveImporter importer;
    private final ImportRunStore store;
    private final Path folder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import");
        thread.setDaemon(true);
        return thread;
    });

    ImportRuns(ArchiveImporter importer, ImportRunStore store, IskraProperties properties) {
        this.importer = importer;
        this.store = store;
        this.folder = properties.data().resolve("imports");
    }

    /** What the form asked for. */
    record Request(boolean addLanguages, boolean dryRun, boolean drafts, String by) {
    }

    /** Keeps the upload and starts importing it; returns the run's id. */
    long start(MultipartFile upload, Request request) throws IOException {
        String name = upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank() ? "upload"
                : Path.of(upload.getOriginalFilename().replace('\\', '/')).getFileName().toString();
        Path work = folder.resolve(UUID.randomUUID().toString());
        Files.createDirectories(work);
        Path file = work.resolve("upload");
        upload.transferTo(file);
        long id = store.start(name.length() > 300 ? name.substring(0, 300) : name, request.dryRun(), request.by());
        worker.submit(() -> run(id, work, file, name, request));
        return id;
    }

    Optional<ImportRun> find(long id) {
        return store.find(id);
    }

    List<ImportRun> latest() {
        return store.latest(10);
    }

    private void run(long id, Path work, Path file, String name, Request request) {
        try {
            ImportOptions asked = new ImportOptions(file, null, null, request.addLanguages(), request.dryRun(),
                    request.drafts(), request.by());
            ImportOptions options = asked;
            if (UploadedArchive.isZip(file)) {
                Path unpacked = work.resolve("site");
                try {
                    UploadedArchive.unpack(file, unpacked, UploadedArchive.Limits.DEFAULT);
                } catch (FileRejected e) {
                    store.finish(id, ImportStatus.FINISHED, ImportCommand.UNREADABLE, StoredSummary.write(unreadable(name, e.getMessage(), request.dryRun())));
                    return;
                }
                Files.delete(file);
                options = UploadedArchive.source(unpacked, asked);
            }
            ImportSummary summary = importer.run(options, new StoredProgress(id));
            store.finish(id, ImportStatus.FINISHED, summary.exitStatus(), StoredSummary.write(summary));
        } catch (IOException | RuntimeException e) {
            log.error("Import {} stopped", id, e);
            // the page says it stopped with an error; the log above says why
            store.finish(id, ImportStatus.FAILED, ImportCommand.FAILED, null);
        } finally {
            delete(work);
        }
    }

    /** Progress written at most once a second: the page refreshing every two seconds reads it. */
    private final class StoredProgress implements ImportProgress {
        private final long id;
        private int total;
        private long written;

        StoredProgress(long id) {
            this.id = id;
        }

        @Override
        public void started(int total) {
            this.total = total;
            store.progress(id, total, 0);
            written = System.nanoTime();
        }

        @Override
        public void advanced(int done) {
            long now = System.nanoTime();
            if (now - written >= PROGRESS_EVERY_NANOS) {
                written = now;
                store.progress(id, total, done);
            }
        }

        @Override
        public void finished() {
            store.progress(id, total, total);
        }
    }

    private static ImportSummary unreadable(String name, String reason, boolean dryRun) {
        RunningSummary tally = new RunningSummary();
        tally.unreadable(name, reason);
        return tally.summary(dryRun);
    }

    private static void delete(Path work) {
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", work, e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
