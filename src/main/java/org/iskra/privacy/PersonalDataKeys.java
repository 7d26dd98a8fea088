package org.iskra.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

import javax.crypto.SecretKey;

import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The keys of this installation, loaded from the key file once at start, which creates the file the first time. */
@Component
class PersonalDataKeys {

    static final String DEFAULT_LOCATION = "keys/personal-data.keys";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

    private final Path file;
    private final KeyFile.Keys keys;

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
        this.keys = KeyFile.load(this.file);
        warnIfOthersMayRead(this.file);
        log.info("Personal-data keys from {}: key {} encrypts, {} key(s) decrypt", this.file, keys.currentAesId(), keys.aes().size());
    }

    Path file() {
        return file;
    }

    String currentAesId() {
        return keys.currentAesId();
    }

    SecretKey currentAes() {
        return keys.aes().get(keys.currentAesId());
    }

    /** The AES key with that id, or null when the key file has no such key. */
    SecretKey aes(String id) {
        return keys.aes().get(id);
    }

    SecretKey hmac() {
        return keys.hmac();
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
