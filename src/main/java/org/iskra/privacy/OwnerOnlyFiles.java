package org.iskra.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing a file that holds secrets: readable by its owner only where the file system has POSIX permissions,
 * written in full to a temporary file beside it and on disk before it takes the file's name, so a reader sees the
 * whole file or none of it, never half of one, and a crash leaves at most a stray temporary file.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the file with this text, and its folder if need be. An existing file is never replaced: if another
     * process created one meanwhile, that one stays. {@code what} names the file in an error's message.
     */
    static void create(Path file, String text, String what) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            createFolder(folder);
            temp = writeTemporary(folder, text);
            publish(temp, file);
            syncFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the " + what + " " + file, e);
        } finally {
            deleteStray(temp);
        }
    }

    /** Replaces the file's text in one rename. */
    static void replace(Path file, String text, String what) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = writeTemporary(folder, text);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + what + " " + file, e);
        } finally {
            deleteStray(temp);
        }
    }

    /** Opens (creating it owner-only if need be) a file to take a lock on. */
    static FileChannel openLockFile(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(lockFile, options);
        }
    }

    private static Path writeTemporary(Path folder, String text) throws IOException {
        Path temp = createOwnerOnlyFile(folder);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return temp;
    }

    private static void deleteStray(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file is never read as the file itself; the next start does not look at it
            }
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
    }

    private static Path createOwnerOnlyFile(Path folder) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
        try {
            return Files.createTempFile(folder, ".personal-data-", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(folder, ".personal-data-", ".tmp");
        }
    }

    private static void publish(Path temp, Path file) throws IOException {
        try {
            // a hard link fails if the name exists, so two nodes starting together cannot overwrite each other's keys
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process was first; its file is the one to use
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(file)) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the file itself is already on disk
        }
    }
}
