package org.iskra.privacy;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The folder of the personal-data key file, for the installation's other secret keys (the mirror's signing key):
 * one folder to keep out of backups, to copy to every node and to keep safe, rather than one per key.
 */
@Component
public class KeyFolder {

    private final PersonalDataKeys keys;

    KeyFolder(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** A file beside the personal-data key file. */
    public Path file(String name) {
        return keys.file().resolveSibling(name);
    }
}
