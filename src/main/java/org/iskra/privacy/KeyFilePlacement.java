package org.iskra.privacy;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start when a public site keeps its key file in the folder of its H2 database (the default: both in
 * {@code ISKRA_DATA}). Whoever copies that folder, a backup made with {@code cp -r} or a stolen disk image, then
 * holds the personal data and the key that opens it. On a developer's machine (a base URL on localhost) the default
 * is convenient and says nothing.
 */
@Component
class KeyFilePlacement {

    private static final Logger log = LoggerFactory.getLogger(KeyFilePlacement.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    KeyFilePlacement(PersonalDataKeys keys, Environment environment, IskraProperties iskra) {
        warning(keys.file(), environment.getProperty("spring.datasource.url", ""), iskra.baseUrl()).ifPresent(log::warn);
    }

    /** The warning to log, if the key file shares the H2 database's folder on a site that is not local. */
    static Optional<String> warning(Path keyFile, String databaseUrl, String baseUrl) {
        Optional<Path> databaseFolder = h2Folder(databaseUrl);
        if (databaseFolder.isEmpty() || isLocal(baseUrl)) {
            return Optional.empty();
        }
        Path key = keyFile.toAbsolutePath().normalize();
        if (!key.startsWith(databaseFolder.get())) {
            return Optional.empty();
        }
        return Optional.of("The personal-data key file " + key + " is in " + databaseFolder.get() + ", the folder of the"
                + " database it protects: a copy of that folder holds both the data and its key. Keep the key file"
                + " elsewhere (ISKRA_KEY_FILE, see the README, Operating → Keys).");
    }

    private static Optional<Path> h2Folder(String url) {
        if (url == null || !url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        String file = url.substring(H2_FILE.length());
        int options = file.indexOf(';');
        try {
            Path database = Path.of(options < 0 ? file : file.substring(0, options)).toAbsolutePath().normalize();
            return Optional.ofNullable(database.getParent());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocal(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            if (host == null) {
                return true;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
