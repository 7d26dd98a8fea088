package org.iskra.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.iskra.site.IskraProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * This node's cache of variant files ({@code ${ISKRA_DATA}/media-cache}): names them, writes them atomically, and
 * finds them again for serving. The database holds every variant; this folder only spares reading them from there
 * again, so it may be deleted at any time, and it is kept under {@code iskra.media.cache-max} by dropping the
 * files served longest ago ({@link #trim}).
 */
@Component
class MediaFiles {

    // Anything else, "..", slashes, temporary files, is not ours to serve.
    static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{16}-[1-9][0-9]{0,4}\\.(jpg|webp)");

    private final Path folder;

    static final String FOLDER = "media-cache";
    // a hit moves a file's time forward at most this often, so that trimming keeps what is still read
    private static final Duration TOUCH_EVERY = Duration.ofHours(12);

    @Autowired
    MediaFiles(IskraProperties properties) {
        this(properties.data().resolve(FOLDER));
    }

    MediaFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + this.folder, e);
        }
    }

    Path folder() {
        return folder;
    }

    /*
     * The name hashes the variant bytes together with the media id. The bytes make it immutable (new bytes, new
     * name), so it can be cached forever; the id keeps two uploads that decode to the same pixels (a photo with
     * and without its EXIF block) apart, and keeps the hash of the original file, which someone holding that file
     * could compute, out of public URLs.
     */
    static String fileName(long mediaId, int width, String format, byte[] bytes) {
        MessageDigest sha256 = sha256();
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(mediaId).array());
        String hash = HexFormat.of().formatHex(sha256.digest(bytes), 0, 8);
        return hash + "-" + width + (MediaVariant.JPEG.equals(format) ? ".jpg" : ".webp");
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Writes to a temporary file and moves it into place, so a reader never sees half a file. */
    Path write(String fileName, byte[] bytes) {
        return write(fileName, new ByteArrayInputStream(bytes));
    }

    /** {@link #write(String, byte[])} from a stream, which it reads to its end but does not close. */
    Path write(String fileName, InputStream bytes) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a media file name: " + fileName);
        }
        Path target = folder.resolve(fileName);
        Path temp = null;
        try {
            Files.createDirectories(folder); // the folder may have been deleted while the node ran
            temp = Files.createTempFile(folder, ".tmp-", ".part");
            // no fsync: a file lost to a crash is read from the database again
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                bytes.transferTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write media file " + target, e);
        }
    }

    /** Marks a cached file as served now, so {@link #trim} keeps it; cheap enough to call on every hit. */
    void touch(Path file) {
        try {
            FileTime now = FileTime.from(Instant.now());
            if (Files.getLastModifiedTime(file).toInstant().plus(TOUCH_EVERY).isBefore(now.toInstant())) {
                Files.setLastModifiedTime(file, now);
            }
        } catch (IOException ignored) {
            // trimming may have removed it meanwhile; the next request fills it again
        }
    }

    /**
     * Deletes the files served longest ago until the folder holds at most {@code maxBytes}; returns how many bytes
     * it freed. Walks the folder, so it runs in the background, never on a request or at start.
     */
    long trim(long maxBytes) throws IOException {
        record Entry(Path file, long size, FileTime time) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException gone) {
                    continue;
                }
                if (attributes.isRegularFile()) {
                    entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime()));
                    total += attributes.size();
                }
            }
        }
        if (total <= maxBytes) {
            return 0;
        }
        entries.sort(Comparator.comparing(Entry::time));
        long freed = 0;
        for (Entry entry : entries) {
            if (total - freed <= maxBytes * 9 / 10) {
                break;
            }
            deleteQuietly(entry.file());
            freed += entry.size();
        }
        return freed;
    }

    /** The file to serve for a requested name, if the name is one of ours and the file exists. */
    Optional<Path> find(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(fileName).normalize();
        if (!folder.equals(file.getParent()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphaned file is harmless: nothing links to it
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
