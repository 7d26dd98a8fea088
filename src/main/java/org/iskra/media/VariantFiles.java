package org.iskra.media;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file to serve for a variant's name: from this node's cache, else read once from where its blob is (the
 * database or the object store) into the cache. Requests for the same missing file at the same moment wait for one
 * read rather than each reading the blob.
 */
@Component
class VariantFiles {

    private static final Logger log = LoggerFactory.getLogger(VariantFiles.class);

    private final MediaFiles cache;
    private final MediaRepository repository;
    private final MediaBlobs blobs;
    private final LegacyMediaFolder legacy;
    private final ConcurrentMap<String, CompletableFuture<Optional<Path>>> filling = new ConcurrentHashMap<>();

    VariantFiles(MediaFiles cache, MediaRepository repository, MediaBlobs blobs, LegacyMediaFolder legacy) {
        this.cache = cache;
        this.repository = repository;
        this.blobs = blobs;
        this.legacy = legacy;
    }

    Optional<Path> file(String fileName) {
        if (fileName == null || !MediaFiles.FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Optional<Path> cached = cache.find(fileName);
        if (cached.isPresent()) {
            cache.touch(cached.get());
            return cached;
        }
        CompletableFuture<Optional<Path>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Path>> running = filling.putIfAbsent(fileName, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Optional<Path> filled = fill(fileName);
            mine.complete(filled);
            return filled;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            filling.remove(fileName, mine);
        }
    }

    private Optional<Path> fill(String fileName) {
        Optional<MediaRepository.VariantBlob> variant = repository.findVariantBlob(fileName);
        if (variant.isEmpty()) {
            return Optional.empty();
        }
        String hash = variant.get().blobHash();
        if (hash == null) {
            // stored before media moved into the database, and not yet copied in from this node's media folder
            return legacy.find(fileName);
        }
        Optional<MediaBlobs.Blob> blob = blobs.find(hash);
        if (blob.isEmpty()) {
            log.warn("Media variant {} names blob {}, which is not stored", fileName, hash);
            return Optional.empty();
        }
        try (InputStream in = blobs.open(blob.get())) {
            return Optional.of(cache.write(fileName, in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media blob " + hash, e);
        }
    }
}
