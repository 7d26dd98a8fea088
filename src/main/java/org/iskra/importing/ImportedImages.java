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
import java.util.Optional;
import java.util.Set;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.media.UnsupportedImageException;

/**
 * The images of one import. Each file is read and stored once however many translations show it, and the media
 * library keeps one row per content hash, so two files with the same bytes are one image too. A dry run reads and
 * hashes each file and asks the library whether it has it, and stores nothing.
 */
final class ImportedImages {

    /** An image as a body refers to it, and its id once stored (null in a dry run for an image not yet stored). */
    record Stored(String hash, Long id) {
    }

    private final MediaLibrary library;
    private final RunningSummary tally;
    private final boolean dryRun;
    private final Map<Path, Stored> stored = new HashMap<>();
    private final Map<Path, String> refused = new HashMap<>();
    private final Set<String> counted = new HashSet<>();

    ImportedImages(MediaLibrary library, RunningSummary tally, boolean dryRun) {
        this.library = library;
        this.tally = tally;
        this.dryRun = dryRun;
    }

    /**
     * The stored image for {@code image}. Only the first use in an import passes its credit on: the library lets a
     * later credit replace an earlier one, and the original (saved first) should name the photographer, not each
     * translation in turn on every import.
     */
    Stored store(SourceText.LocalImage image) throws FileRejected {
        Path file = image.file();
        Stored known = stored.get(file);
        if (known != null) {
            return known;
        }
        String earlier = refused.get(file);
        if (earlier != null) {
            throw new FileRejected(earlier);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String hash = sha256(bytes);
            Optional<MediaImage> existing = library.findByHash(hash);
            Stored result;
            if (dryRun) {
                result = new Stored(hash, existing.map(MediaImage::id).orElse(null));
            } else {
                MediaImage saved = library.store(bytes, image.credit(), image.creditLink());
                result = new Stored(saved.hash(), saved.id());
            }
            stored.put(file, result);
            if (counted.add(hash)) {
                tally.count(RunningSummary.Kind.IMAGE, existing.isEmpty() ? RunningSummary.Outcome.CREATED : RunningSummary.Outcome.UNCHANGED);
            }
            return result;
        } catch (IOException e) {
            throw refuse(file, "cannot read image " + image.reference() + ": " + e.getMessage());
        } catch (UnsupportedImageException e) {
            throw refuse(file, "image " + image.reference() + " cannot be used: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // the library's check of the credit: too long, or a link that is not http(s)
            throw refuse(file, "image " + image.reference() + ": " + e.getMessage());
        }
    }

    private FileRejected refuse(Path file, String reason) {
        refused.put(file, reason);
        tally.count(RunningSummary.Kind.IMAGE, RunningSummary.Outcome.FAILED);
        return new FileRejected(reason);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
