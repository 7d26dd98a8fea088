package org.iskra.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A file an administrator uploaded: a WordPress export as it is, or a zip of a Hugo site (or of an export with its
 * uploads folder) unpacked with care. A zip is hostile until shown otherwise: entries whose names leave the target
 * folder ({@code ../}, absolute paths) are refused, and the bytes actually unpacked are counted against limits, so
 * that a zip bomb stops at the limit instead of filling the disk.
 */
final class UploadedArchive {

    /** Limits of one unpacked archive. */
    record Limits(long maxBytes, int maxEntries, long maxRatio) {
        static final Limits DEFAULT = new Limits(4L * 1024 * 1024 * 1024, 200_000, 200);
    }

    private UploadedArchive() {
    }

    /** The zip's bytes, counting in {@code read} how many the unpacking has consumed. */
    private static InputStream counting(Path zip, long[] read) throws IOException {
        return new java.io.FilterInputStream(new BufferedInputStream(Files.newInputStream(zip), 64 * 1024)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read[0] += n;
                }
                return n;
            }
        };
    }

    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** Unpacks {@code zip} into {@code target}; {@link #source} then says what to import there. */
    static void unpack(Path zip, Path target, Limits limits) throws FileRejected {
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        long[] read = {0};
        try (ZipInputStream in = new ZipInputStream(counting(zip, read), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                long entryStart = read[0];
                if (++entries > limits.maxEntries()) {
                    throw new FileRejected("the zip holds more than " + limits.maxEntries() + " files");
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0
                        || List.of(name.split("/")).contains("..")) {
                    throw new FileRejected("the zip names a file outside itself (" + name + "): refused");
                }
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root)) {
                    throw new FileRejected("the zip names a file outside itself (" + name + "): refused");
                }
                if (name.startsWith("__MACOSX/") || name.endsWith(".DS_Store")) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                long written = 0;
                try (OutputStream out = Files.newOutputStream(file)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        written += n;
                        total += n;
                        if (total > limits.maxBytes()) {
                            throw new FileRejected("the zip unpacks to more than " + limits.maxBytes() / 1024 / 1024 + " MB: refused");
                        }
                        long compressed = Math.max(read[0] - entryStart, 1);
                        if (written > 1024 * 1024 && written / compressed > limits.maxRatio()) {
                            throw new FileRejected("the zip entry " + name + " unpacks to more than " + limits.maxRatio()
                                    + " times its size (a zip bomb?): refused");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw new FileRejected("not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new FileRejected("cannot unpack the zip: " + e.getMessage());
        }
        if (entries == 0) {
            throw new FileRejected("the zip is empty");
        }
    }

    /**
     * What to import from an unpacked folder: the folder itself (a Hugo site or content folder), or a WordPress
     * export in it, with its {@code uploads} (or {@code wp-content/uploads}) beside it. A zip that holds one folder
     * only stands for that folder.
     */
    static ImportOptions source(Path folder, ImportOptions asked) throws IOException {
        Path root = folder;
        for (int depth = 0; depth < 3; depth++) {
            List<Path> children;
            try (Stream<Path> list = Files.list(root)) {
                children = list.toList();
            }
            if (children.size() == 1 && Files.isDirectory(children.get(0))) {
                root = children.get(0);
            } else {
                break;
            }
        }
        List<Path> exports;
        try (Stream<Path> list = Files.list(root)) {
            exports = list.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")).toList();
        }
        if (exports.size() == 1 && !HugoConfig.isSiteRoot(root)) {
            Path uploads = Stream.of(root.resolve("uploads"), root.resolve("wp-content/uploads"))
                    .filter(Files::isDirectory).findFirst().orElse(null);
            return new ImportOptions(exports.get(0), uploads, asked.map(), asked.addLanguages(), asked.dryRun(),
                    asked.drafts(), asked.by());
        }
        return new ImportOptions(root, null, asked.map(), asked.addLanguages(), asked.dryRun(), asked.drafts(), asked.by());
    }
}
