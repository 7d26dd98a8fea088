package org.iskra.mirror;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.iskra.site.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mirror runs started from the back office, one at a time per node, in a thread of their own, into the configured
 * folder. The state of the latest run lives in this node's memory only: it is progress to watch, not data to keep
 * (the mirror itself, and its manifest, are the record); two nodes writing the same folder are kept apart by the
 * folder's lock.
 */
@Component
class MirrorRuns {

    private static final Logger log = LoggerFactory.getLogger(MirrorRuns.class);

    /** The latest run: running while {@code summary} and {@code failure} are both null. */
    record Run(OffsetDateTime startedAt, String startedBy, int done, int found, MirrorWriter.Summary summary,
               String failure) {

        boolean running() {
            return summary == null && failure == null;
        }

        Run progress(int done, int found) {
            return new Run(startedAt, startedBy, done, found, null, null);
        }
    }

    private final MirrorWriter writer;
    private final MirrorProperties properties;
    private final AtomicReference<Run> latest = new AtomicReference<>();

    MirrorRuns(MirrorWriter writer, MirrorProperties properties) {
        this.writer = writer;
        this.properties = properties;
    }

    Optional<Path> folder() {
        return properties.dir().isEmpty() ? Optional.empty() : Optional.of(Path.of(properties.dir()).toAbsolutePath().normalize());
    }

    Optional<Run> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** Starts a run unless one is going; returns whether it started. */
    boolean start(String startedBy) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return false;
        }
        Run run = new Run(OffsetDateTime.now(), startedBy, 0, 0, null, null);
        Run before = latest.get();
        if ((before != null && before.running()) || !latest.compareAndSet(before, run)) {
            return false;
        }
        Thread thread = new Thread(() -> write(folder.get(), run), "mirror-run");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void write(Path folder, Run run) {
        try {
            MirrorWriter.Summary summary = writer.write(folder, (done, found) -> latest.set(run.progress(done, found)), 1);
            latest.set(new Run(run.startedAt(), run.startedBy(), summary.pages(), summary.pages(), summary, null));
            log.info("{} (started by {} from the back office)", summary, run.startedBy());
        } catch (Exception | LinkageError e) {
            String cause = CommandLine.rootCause(e);
            latest.set(new Run(run.startedAt(), run.startedBy(), run.done(), run.found(), null, cause));
            log.warn("A mirror run into {} failed: {}", folder, cause);
        }
    }
}
