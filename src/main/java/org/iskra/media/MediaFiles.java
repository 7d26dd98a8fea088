package org.iskra.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.iskra.site.IskraProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The folder of variant files: names them, writes them atomically, and finds them again for serving. */
@Component
class MediaFiles {

    // Anything else, "..", slashes, temporary files, is not ours to serve.
    static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{16}-[1-9][0-9]{0,4}\\.(jpg|webp)");

    private final Path folder;

    @Autowired
    MediaFiles(IskraProperties properties) {
        this(properties.data().resolve("media"));
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
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a media file name: " + fileName);
        }
        Path target = folder.resolve(fileName);
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".tmp-", ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write media file " + target, e);
        }
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
