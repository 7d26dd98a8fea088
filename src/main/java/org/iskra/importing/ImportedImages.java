package org.iskra.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.media.UnsupportedImageException;

/**
 * The images of one import. Each file is read and stored once however many translations show it, and the media
 * library keeps one row per content hash, so two files with the same bytes are one image too.
 */
final class ImportedImages {

    private final MediaLibrary library;
    private final Tally tally;
    private final Map<Path, MediaImage> stored = new HashMap<>();
    private final Map<Path, String> refused = new HashMap<>();
    private final Set<String> counted = new HashSet<>();
    private final Set<String> missing = new HashSet<>();

    ImportedImages(MediaLibrary library, Tally tally) {
        this.library = library;
        this.tally = tally;
    }

    /**
     * The stored image for {@code file}. Only the first use in an import passes its credit on: the library lets a
     * later credit replace an earlier one, and the original (saved first) should name the photographer, not each
     * translation in turn on every import.
     */
    MediaImage store(Path file, String src, String credit, String creditLink) throws FileRejected {
        MediaImage known = stored.get(file);
        if (known != null) {
            return known;
        }
        String earlier = refused.get(file);
        if (earlier != null) {
            throw new FileRejected(earlier);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean isNew = library.findByHash(sha256(bytes)).isEmpty();
            MediaImage image = library.store(bytes, credit, creditLink);
            stored.put(file, image);
            if (counted.add(image.hash())) {
                tally.image(isNew ? Tally.Outcome.CREATED : Tally.Outcome.UNCHANGED);
            }
            return image;
        } catch (IOException e) {
            throw refuse(file, "cannot read image " + src + ": " + e.getMessage());
        } catch (UnsupportedImageException e) {
            throw refuse(file, "image " + src + " cannot be used: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // the library's check of the credit: too long, or a link that is not http(s)
            throw refuse(file, "image " + src + ": " + e.getMessage());
        }
    }

    /** An image reference that points at no file, or at one outside the folder; counted once per place and path. */
    void missing(Path folder, String src) {
        if (missing.add(folder + "\n" + src)) {
            tally.image(Tally.Outcome.FAILED);
        }
    }

    private FileRejected refuse(Path file, String reason) {
        refused.put(file, reason);
        tally.image(Tally.Outcome.FAILED);
        return new FileRejected(reason);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
