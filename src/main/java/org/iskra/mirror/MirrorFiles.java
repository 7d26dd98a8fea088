package org.iskra.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a mirror's files incrementally: a file whose bytes have the SHA-256 the previous manifest lists (and is
 * still there, with that size) is left alone, so a second run with nothing changed writes nothing and a static
 * host, IPFS or rsync sees only what changed. Each file is written beside its place and renamed into it, so a
 * reader of the folder never sees half a page. Files the previous manifest lists and this run did not write are
 * removed at the end: the pages of unpublished articles go. Several threads write at once, each its own files.
 */
final class MirrorFiles {

    private final Path root;
    private final Manifest previous;
    private final long previousWrittenAt;
    // written by the rendering threads at once (MirrorCrawl), one file each
    private final Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> createdFolders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();

    /**
     * @param previousWrittenAt when the previous manifest was written (milliseconds), or 0: a file changed since
     *                          then was changed by someone else, and is written again even if its size matches
     */
    MirrorFiles(Path root, Manifest previous, long previousWrittenAt) {
        this.root = root;
        this.previous = previous;
        this.previousWrittenAt = previousWrittenAt;
    }

    /** When the manifest in {@code root} was written, in milliseconds, or 0 when there is none. */
    static long manifestWrittenAt(Path root) {
        try {
            return Files.getLastModifiedTime(root.resolve(Manifest.FILE)).toMillis();
        } catch (IOException none) {
            return 0;
        }
    }

    void write(String path, byte[] bytes) throws IOException {
        if (!inside(path)) {
            return;
        }
        String sha256 = sha256(bytes);
        Manifest.Entry entry = new Manifest.Entry(sha256, bytes.length);
        entries.put(path, entry);
        Path file = root.resolve(path);
        if (entry.equals(previous.entries().get(path)) && untouched(file, bytes.length)) {
            unchanged.incrementAndGet();
            return;
        }
        Path temp = temp(file);
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.incrementAndGet();
    }

    /**
     * A file named by its content (a media variant): when the previous run wrote it and it is still there, it is
     * kept without being read again; otherwise it is copied from {@code source}.
     */
    void writeNamedByContent(String path, StreamSource source) throws IOException {
        if (!inside(path)) {
            return;
        }
        Manifest.Entry before = previous.entries().get(path);
        Path file = root.resolve(path);
        if (before != null && untouched(file, before.size())) {
            entries.put(path, before);
            unchanged.incrementAndGet();
            return;
        }
        try (InputStream in = source.open()) {
            if (in == null) {
                return;
            }
            Path temp = temp(file);
            MessageDigest digest = digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = in.transferTo(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            entries.put(path, new Manifest.Entry(java.util.HexFormat.of().formatHex(digest.digest()), size));
            written.incrementAndGet();
        }
    }

    /** An address that would lead out of the folder ({@code ..} in an imported slug) is never written. */
    private boolean inside(String path) {
        return !path.isEmpty() && root.resolve(path).normalize().startsWith(root) && !path.contains("\\");
    }

    interface StreamSource {
        /** The bytes, or null when there are none any more (the file is then left out). */
        InputStream open() throws IOException;
    }

    /** Removes what the previous run wrote and this one did not; returns how many files went. */
    int removeLeftovers() throws IOException {
        int removed = 0;
        for (String path : previous.entries().keySet()) {
            if (!entries.containsKey(path) && !Manifest.ownFile(path)) {
                Path file = root.resolve(path).normalize();
                if (file.startsWith(root) && Files.deleteIfExists(file)) {
                    removed++;
                    removeEmptyFolders(file.getParent());
                }
            }
        }
        return removed;
    }

    private void removeEmptyFolders(Path folder) throws IOException {
        while (folder != null && !folder.equals(root) && folder.startsWith(root)) {
            try {
                Files.delete(folder);
            } catch (DirectoryNotEmptyException stillUsed) {
                return;
            }
            folder = folder.getParent();
        }
    }

    Manifest manifest() {
        return new Manifest(entries);
    }

    int written() {
        return written.get();
    }

    int unchanged() {
        return unchanged.get();
    }

    private Path temp(Path file) throws IOException {
        Path folder = file.getParent();
        // marked only once created: another thread seeing the mark may write into the folder at once
        if (!createdFolders.contains(folder.toString())) {
            Files.createDirectories(folder);
            createdFolders.add(folder.toString());
        }
        return folder.resolve("." + file.getFileName() + ".tmp");
    }

    /** The file is there as the previous run left it: its size, and not modified after that run's manifest. */
    private boolean untouched(Path file, long size) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() == size && attributes.lastModifiedTime().toMillis() <= previousWrittenAt;
        } catch (IOException missing) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
