package org.iskra.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads and creates the personal-data key file. It is plain text so an administrator can read it, back it up and,
 * later, rotate keys by hand:
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * {id} {type} {base64 of 32 random bytes}
 * </pre>
 *
 * where {@code type} is {@code aes-current} (the AES-256-GCM key that encrypts new values, exactly one), {@code aes}
 * (an older AES-256-GCM key, kept to decrypt what it encrypted) or {@code hmac} (the HMAC-SHA256 key for keyed
 * hashes, exactly one). Ids are short and unique; a sealed value names the id of the key that sealed it.
 */
final class KeyFile {

    static final String CURRENT_AES = "aes-current";
    static final String AES = "aes";
    static final String HMAC = "hmac";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;
    /** The file as an error's message names it. */
    private static final String WHAT = "personal-data key file";

    /** The keys of one file. Its string form names key ids only, never key material. */
    record Keys(String currentAesId, Map<String, SecretKey> aes, SecretKey hmac) {

        Keys {
            aes = Map.copyOf(aes);
        }

        @Override
        public String toString() {
            return "Keys[current=" + currentAesId + ", aes=" + aes.keySet() + "]";
        }
    }

    private KeyFile() {
    }

    /** Loads an existing key file; a file that is unreadable or malformed stops Iskra with a message saying why. */
    static Keys load(Path file) {
        List<String> lines;
        try {
            lines = List.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString().split("\r?\n", -1));
        } catch (CharacterCodingException e) {
            throw malformed(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the personal-data key file " + file + " (" + e.getClass().getSimpleName()
                    + "). Iskra does not start without its keys.", e);
        }
        return parse(file, lines);
    }

    static Keys parse(Path file, List<String> lines) {
        String currentId = null;
        int currentLine = 0;
        Map<String, SecretKey> aes = new LinkedHashMap<>();
        SecretKey hmac = null;
        int hmacLine = 0;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // Never quote a key line back: it holds key material.
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw malformed(file, "line " + number + " is not \"{id} {type} {base64 key}\"");
            }
            String id = fields[0];
            String type = fields[1];
            if (!ID.matcher(id).matches()) {
                throw malformed(file, "line " + number + ": a key id is 1 to 32 letters, digits, '-' or '_'");
            }
            Integer earlier = seen.putIfAbsent(id, number);
            if (earlier != null) {
                throw malformed(file, "key id " + id + " is on line " + earlier + " and again on line " + number);
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(fields[2]);
            } catch (IllegalArgumentException e) {
                throw malformed(file, "line " + number + ": the key is not base64");
            }
            if (material.length != KEY_BYTES) {
                throw malformed(file, "line " + number + ": the key is " + material.length + " bytes long, not " + KEY_BYTES);
            }
            switch (type) {
                case CURRENT_AES -> {
                    if (currentId != null) {
                        throw malformed(file, "lines " + currentLine + " and " + number + " are both " + CURRENT_AES
                                + "; exactly one key encrypts new values");
                    }
                    currentId = id;
                    currentLine = number;
                    aes.put(id, new SecretKeySpec(material, "AES"));
                }
                case AES -> aes.put(id, new SecretKeySpec(material, "AES"));
                case HMAC -> {
                    if (hmac != null) {
                        throw malformed(file, "lines " + hmacLine + " and " + number + " are both " + HMAC + " keys");
                    }
                    hmac = new SecretKeySpec(material, "HmacSHA256");
                    hmacLine = number;
                }
                default -> throw malformed(file, "line " + number + ": the key type is not one of "
                        + CURRENT_AES + ", " + AES + ", " + HMAC);
            }
        }
        if (currentId == null) {
            throw malformed(file, "it has no " + CURRENT_AES + " key");
        }
        if (hmac == null) {
            throw malformed(file, "it has no " + HMAC + " key");
        }
        return new Keys(currentId, aes, hmac);
    }

    /**
     * Writes a new key file with fresh keys, readable by its owner only where the file system has POSIX
     * permissions. The file appears complete or not at all, and an existing file is never replaced: if another
     * process created one meanwhile, that one stays.
     */
    static void create(Path file, SecureRandom random) {
        OwnerOnlyFiles.create(file, newFileText(random), WHAT);
    }

    /**
     * Adds a fresh AES key to an existing file and makes it the one that encrypts new values; the key that did so
     * until now stays as an {@code aes} key, so what it sealed still opens. Comments, the other keys and the HMAC key
     * are kept as they are: keyed hashes are lookups, and a new HMAC key would make every stored hash stop matching.
     * The file is replaced in one rename, readable by its owner only, so a node reading it meanwhile sees the old
     * file or the new one, never half of one. Returns the new key's id.
     */
    static String rotate(Path file, SecureRandom random) {
        // two rotations at once would each write the file they read plus their own key, and one new key would be
        // lost along with every value sealed with it: the read and the write happen under a lock. The lock file stays,
        // since removing it would let a third process lock a new file while the second still holds the old one.
        Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        try (FileChannel lock = OwnerOnlyFiles.openLockFile(lockFile); FileLock held = lock.lock()) {
            return rotateLocked(file, random);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the personal-data key file " + file + " for the rotation", e);
        }
    }

    private static String rotateLocked(Path file, SecureRandom random) {
        List<String> lines;
        try {
            lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r?\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the personal-data key file " + file, e);
        }
        parse(file, lines);
        Set<String> ids = new HashSet<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            boolean keyLine = !line.isBlank() && !line.strip().startsWith("#");
            if (keyLine) {
                ids.add(fields[0]);
            }
            if (keyLine && fields[1].equals(CURRENT_AES)) {
                text.append(fields[0]).append(' ').append(AES).append(' ').append(fields[2]).append('\n');
            } else if (!line.isEmpty() || text.length() > 0) {
                text.append(line).append('\n');
            }
        }
        while (text.length() > 1 && text.charAt(text.length() - 1) == '\n' && text.charAt(text.length() - 2) == '\n') {
            text.setLength(text.length() - 1);
        }
        String id = newId(random);
        while (ids.contains(id)) {
            id = newId(random);
        }
        text.append(id).append(' ').append(CURRENT_AES).append(' ').append(newKey(random)).append('\n');
        OwnerOnlyFiles.replace(file, text.toString(), WHAT);
        return id;
    }

    static String newFileText(SecureRandom random) {
        return """
                # Iskra personal-data keys. SECRET: with this file and a copy of the database anyone can read the
                # applicants' personal data. Back it up apart from the database: without it every encrypted field
                # (names, emails, phone numbers, messages, queued mail) is lost for good.
                #
                # One key per line: {id} {type} {base64 of 32 bytes}. Types: aes-current encrypts new values (exactly
                # one); aes is an older key kept to decrypt what it encrypted; hmac makes keyed hashes (exactly one).
                %s %s %s
                %s %s %s
                """.formatted(newId(random), CURRENT_AES, newKey(random), newId(random), HMAC, newKey(random));
    }

    private static String newId(SecureRandom random) {
        byte[] id = new byte[4];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static String newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static IllegalStateException malformed(Path file, String problem) {
        return new IllegalStateException("The personal-data key file " + file + " is malformed: " + problem
                + ". Iskra does not start without its keys and never replaces an existing key file: correct it or"
                + " restore it from your backup.");
    }
}
