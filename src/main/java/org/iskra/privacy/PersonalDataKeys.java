package org.iskra.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;

import javax.crypto.SecretKey;

import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The keys of this installation, loaded from the key file at start, which creates the file the first time. The file
 * is read again when it changes (a {@code keys rotate} on this machine or a copy from another node), at most once a
 * second, and at once when a value names a key this node does not know: a node started before a rotation reads
 * what was sealed with the new key, and soon seals with it, without a restart.
 */
@Component
class PersonalDataKeys {

    static final String DEFAULT_LOCATION = "keys/personal-data.keys";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    /** The keys with the identity of the file they came from, swapped as one so a reader never mixes two files. */
    private record Loaded(KeyFile.Keys keys, Object fileKey, FileTime modified) {
    }

    private final Path file;
    private volatile Loaded loaded;
    private volatile long checkedAt;

    @Autowired
    PersonalDataKeys(PrivacyProperties privacy, IskraProperties iskra) {
        this(privacy.keyFile() != null ? privacy.keyFile() : iskra.data().resolve(DEFAULT_LOCATION));
    }

    PersonalDataKeys(Path file) {
        this.file = file.toAbsolutePath().normalize();
        if (!Files.exists(this.file)) {
            KeyFile.create(this.file, new SecureRandom());
            log.warn("Created the personal-data key file {}. Back it up apart from the database: without it the"
                    + " encrypted personal data cannot be read. Every node sharing the database needs a copy.", this.file);
        }
        this.loaded = load(this.file);
        this.checkedAt = System.nanoTime();
        warnIfOthersMayRead(this.file);
        KeyFile.Keys keys = loaded.keys();
        log.info("Personal-data keys from {}: key {} encrypts, {} key(s) decrypt", this.file, keys.currentAesId(), keys.aes().size());
    }

    Path file() {
        return file;
    }

    /** One consistent set of keys: the id of the current key and the key itself always come from the same file. */
    KeyFile.Keys keys() {
        if (System.nanoTime() - checkedAt > CHECK_EVERY_NANOS) {
            reloadIfChanged();
        }
        return loaded.keys();
    }

    String currentAesId() {
        return keys().currentAesId();
    }

    /** The AES key with that id, or null when the key file has no such key, even after reading it again. */
    SecretKey aes(String id) {
        SecretKey key = keys().aes().get(id);
        if (key == null) {
            reloadIfChanged();
            key = loaded.keys().aes().get(id);
        }
        return key;
    }

    SecretKey hmac() {
        return keys().hmac();
    }

    /**
     * Reads the key file again if it is not the file last read. A file that has become malformed (a hand edit in
     * progress) is reported and the keys in use are kept: a node keeps working on the keys it has.
     */
    void reloadIfChanged() {
        reload(false);
    }

    /** Reads the key file again even if it looks unchanged: after this process rewrote it itself. */
    void reload() {
        reload(true);
    }

    private synchronized void reload(boolean always) {
        checkedAt = System.nanoTime();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Loaded current = loaded;
            if (!always && Objects.equals(attributes.fileKey(), current.fileKey()) && attributes.lastModifiedTime().equals(current.modified())) {
                return;
            }
            Loaded fresh = load(file);
            if (!fresh.keys().currentAesId().equals(current.keys().currentAesId())
                    || !fresh.keys().aes().keySet().equals(current.keys().aes().keySet())) {
                log.info("Personal-data keys read again from {}: key {} encrypts, {} key(s) decrypt", file,
                        fresh.keys().currentAesId(), fresh.keys().aes().size());
            }
            loaded = fresh;
        } catch (IOException | RuntimeException e) {
            log.error("Cannot read the personal-data key file {} again ({}); keeping the keys read before", file,
                    e.getMessage());
        }
    }

    private static Loaded load(Path file) {
        Object fileKey = null;
        FileTime modified = null;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            fileKey = attributes.fileKey();
            modified = attributes.lastModifiedTime();
        } catch (IOException e) {
            // KeyFile.load says why the file cannot be read
        }
        return new Loaded(KeyFile.load(file), fileKey, modified);
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                log.warn("The personal-data key file {} can be read by other users of this machine; run: chmod 600 {}", file, file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions on this file system: nothing to check
        }
    }
}
