package org.iskra.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.iskra.site.CommandLine;
import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The media folder of an installation from before media moved into the database ({@code ${ISKRA_DATA}/media}).
 * Once a node of the new version is up, it copies each variant file there into the database (one short
 * transaction each) and moves the file into its cache; meanwhile it serves those variants from the folder. The
 * folder is gone when every file in it is in the database, and a node that finds none does nothing at start.
 *
 * <p>A start-up step rather than a Flyway migration: a migration runs once per database, on whichever node
 * migrates first, inside the schema lock every other node waits for; but the files are in each node's own data
 * folder, perhaps only some of them on each, and copying gigabytes would hold every node's start. Here each node
 * copies what it has, in the background, resumes after a crash, and the database says what is still missing.
 */
@Component
class LegacyMediaFolder {

    private static final Logger log = LoggerFactory.getLogger(LegacyMediaFolder.class);
    static final String FOLDER = "media";

    private final Path folder;
    private final MediaRepository repository;
    private final MediaBlobs blobs;
    private final MediaFiles cache;
    private final TransactionTemplate transactions;
    private final boolean onANode;

    LegacyMediaFolder(IskraProperties properties, MediaRepository repository, MediaBlobs blobs, MediaFiles cache,
                      PlatformTransactionManager transactionManager,
                      @Value("${" + CommandLine.SCHEDULING + ":true}") boolean onANode) {
        this.folder = properties.data().resolve(FOLDER).toAbsolutePath().normalize();
        this.repository = repository;
        this.blobs = blobs;
        this.cache = cache;
        this.transactions = new TransactionTemplate(transactionManager);
        // a command started from the jar leaves the folder to the nodes (backup copies it in itself, first)
        this.onANode = onANode;
    }

    /** What one pass over the folder did. */
    record Imported(int copied, int alreadyStored, int unknown) {
    }

    Optional<Path> find(String fileName) {
        Path file = folder.resolve(fileName).normalize();
        return folder.equals(file.getParent()) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void importInBackground() {
        if (!onANode || !Files.isDirectory(folder)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                importAll();
            } catch (RuntimeException e) {
                log.error("Copying the media folder {} into the database stopped; the next start goes on", folder, e);
            }
        }, "media-folder-import");
        thread.setDaemon(true);
        thread.start();
    }

    /** Copies every variant file of the folder that the database lacks into it; safe to run on several nodes. */
    Imported importAll() {
        if (!Files.isDirectory(folder)) {
            return new Imported(0, 0, 0);
        }
        log.info("Copying the media files in {} into the database ({} variants lack their bytes there)", folder,
                repository.variantsWithoutBlob());
        int copied = 0;
        int stored = 0;
        int unknown = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!MediaFiles.FILE_NAME.matcher(name).matches()) {
                    continue; // temporary files of an interrupted write, anything else put there by hand
                }
                Optional<MediaRepository.VariantBlob> variant = repository.findVariantBlob(name);
                if (variant.isEmpty()) {
                    unknown++;
                    continue;
                }
                if (variant.get().blobHash() == null) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file); // a variant: at most a few hundred KB
                    } catch (NoSuchFileException gone) {
                        continue; // another node sharing the folder took it
                    }
                    if (store(name, bytes)) {
                        copied++;
                    } else {
                        stored++;
                    }
                } else {
                    stored++;
                }
                moveToCache(file, name);
                if ((copied + stored) % 1000 == 0 && copied > 0) {
                    log.info("Media folder: {} files copied into the database so far", copied);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the media folder " + folder, e);
        }
        deleteIfEmpty();
        log.info("Media folder {}: {} files copied into the database, {} were there already, {} belong to no image"
                + " and were left in place", folder, copied, stored, unknown);
        return new Imported(copied, stored, unknown);
    }

    /** Stores a variant file of an older backup or media folder as its variant's blob; false if it had one. */
    boolean store(String fileName, byte[] bytes) {
        Boolean set = transactions.execute(status -> repository.setVariantBlob(fileName, blobs.put(bytes)));
        return Boolean.TRUE.equals(set);
    }

    private void moveToCache(Path file, String name) {
        try {
            Files.createDirectories(cache.folder());
            Files.move(file, cache.folder().resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            cache.deleteQuietly(file);
        }
    }

    private void deleteIfEmpty() {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
            for (Path file : left) {
                if (!file.getFileName().toString().startsWith(".tmp-")) {
                    return;
                }
                cache.deleteQuietly(file);
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.debug("Could not remove the empty media folder {}", folder, e);
        }
    }

    /** For the restore of an older backup: the variant bytes of one of its media files. */
    boolean restore(String fileName, InputStream in) throws IOException {
        if (!MediaFiles.FILE_NAME.matcher(fileName).matches() || repository.findVariantBlob(fileName).isEmpty()) {
            return false;
        }
        store(fileName, in.readAllBytes());
        return true;
    }
}
