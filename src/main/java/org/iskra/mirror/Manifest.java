package org.iskra.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The list of every file of a mirror with its size and SHA-256, one line each, sorted by path:
 *
 * <pre>
 * iskra-mirror-manifest 1
 * {sha-256 in hex} {size} {path}
 * </pre>
 *
 * Plain text so anyone can check a file with {@code sha256sum}; signed as it is, byte for byte, in
 * {@link #SIGNATURE}. The manifest, its signature and the public key are not listed in it.
 */
record Manifest(Map<String, Entry> entries) {

    static final String FILE = "iskra-manifest.txt";
    static final String SIGNATURE = "iskra-manifest.sig";
    static final String PUBLIC_KEY = "iskra-mirror-key.pem";
    static final String LOCK = ".iskra-mirror.lock";
    private static final String HEADER = "iskra-mirror-manifest 1";

    record Entry(String sha256, long size) {
    }

    Manifest {
        entries = new TreeMap<>(entries);
    }

    static boolean ownFile(String path) {
        return path.equals(FILE) || path.equals(SIGNATURE) || path.equals(PUBLIC_KEY) || path.equals(LOCK);
    }

    byte[] bytes() {
        StringBuilder text = new StringBuilder(entries.size() * 100).append(HEADER).append('\n');
        entries.forEach((path, entry) -> text.append(entry.sha256()).append(' ').append(entry.size()).append(' ')
                .append(path).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Manifest parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not an Iskra mirror manifest (its first line is not \"" + HEADER + "\")");
        }
        Map<String, Entry> entries = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(" ", 3);
            if (fields.length != 3 || !fields[0].matches("[0-9a-f]{64}") || !fields[1].matches("[0-9]{1,15}")) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the manifest is not \"{sha-256} {size} {path}\"");
            }
            entries.put(fields[2], new Entry(fields[0], Long.parseLong(fields[1])));
        }
        return new Manifest(entries);
    }

    /** The manifest a previous run left in {@code dir}, or an empty one (first run, or one no longer readable). */
    static Manifest previous(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            return Files.exists(file) ? parse(Files.readAllBytes(file)) : new Manifest(Map.of());
        } catch (IOException | IllegalArgumentException unreadable) {
            // every file is then written again, which is what a first run does
            return new Manifest(Map.of());
        }
    }
}
