package org.iskra.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores images once, their original and metadata-free variants for the web, in the database (or the object store
 * it names), and finds them again. Any node serves any image; each keeps the variants it served on its disk.
 */
@Service
public class MediaLibrary {

    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_CREDIT = 500;
    private static final int MAX_CREDIT_LINK = 1000;
    private static final long MIB = 1024 * 1024;

    private final MediaRepository repository;
    private final MediaFiles files;
    private final MediaBlobs blobs;
    private final VariantFiles variantFiles;
    private final ImageDecoder decoder;
    private final VariantEncoder encoder;
    private final TransactionTemplate transactions;

    /*
     * Decoding and scaling is where storing an image needs heap, and how much is known from its header before a
     * pixel is decoded (DecodePlan#heapBytes, an upper estimate). Concurrent stores share half the heap,
     * counted in MiB: small images go side by side, a large one waits for its share, and one that needs more than
     * the whole share waits until no other runs. The semaphore is fair, so smaller stores cannot starve a large
     * one by taking permits as they come free.
     *
     * Per store, as measured: an original shown wider than 3200 px is decoded less than 2400 px wide (see
     * DecodePlan.subsampling), so a 40-Mpx photo (8000 × 5000) takes about 18 MB of heap in all, and the worst
     * case is 10 Mpx decoded (40 MB at 4 bytes a pixel, for a 3201 × 12 496 strip). An original up to 3200 px
     * wide is decoded whole: a 12-Mpx phone photo taken upright (3024 × 4032, 36 MB decoded) takes about 50 MB,
     * and the worst case, a 3200 × 12 500 strip at the 40-Mpx limit, about 150 MB.
     */
    private final int decodingBudget = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
            Runtime.getRuntime().maxMemory() / 2 / MIB));
    private final Semaphore decoding = new Semaphore(decodingBudget, true);

    MediaLibrary(MediaRepository repository, MediaFiles files, MediaBlobs blobs, VariantFiles variantFiles,
                 ImageDecoder decoder, VariantEncoder encoder, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.files = files;
        this.blobs = blobs;
        this.variantFiles = variantFiles;
        this.decoder = decoder;
        this.encoder = encoder;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * The bytes of a variant by its file name ({@link MediaVariant#fileName()}), as {@code /media/{name}} serves
     * them, read through this node's cache; empty when no variant has that name. The caller closes the stream.
     */
    public Optional<InputStream> openVariant(String fileName) throws IOException {
        Optional<Path> file = variantFiles.file(fileName);
        return file.isPresent() ? Optional.of(Files.newInputStream(file.get())) : Optional.empty();
    }

    /**
     * Stores an image once by the SHA-256 of its original bytes: the same bytes again return the stored image and
     * write nothing new, except that a non-null credit or credit link replaces the stored one (blank clears it).
     * The original bytes are kept with the variants.
     *
     * @throws IllegalArgumentException when the credit is too long or the credit link is not an http(s) URL
     */
    public MediaImage store(byte[] original, String credit, String creditLink) throws UnsupportedImageException {
        String cleanCredit = clean(credit, MAX_CREDIT, "credit");
        String cleanLink = clean(creditLink, MAX_CREDIT_LINK, "credit link");
        if (cleanLink != null && !cleanLink.isEmpty() && !isWebLink(cleanLink)) {
            throw new IllegalArgumentException("credit link must be an http or https URL");
        }
        UploadLimits.checkSize(original);
        String hash = MediaFiles.sha256Hex(original);
        Optional<MediaImage> stored = repository.findByHash(hash);
        if (stored.isPresent()) {
            return withCredit(stored.get(), cleanCredit, cleanLink);
        }

        long started = System.nanoTime();
        List<VariantEncoder.Encoded> encoded;
        DecodePlan plan = decoder.plan(original);
        // The original's size as shown, not the subsampled one: pages take the aspect ratio from it.
        int width = plan.width();
        int height = plan.height();
        int permits = (int) Math.max(1, Math.min(decodingBudget, (plan.heapBytes() + MIB - 1) / MIB));
        decoding.acquireUninterruptibly(permits);
        try {
            // Not kept in a variable: the encoder drops the decoded pixels as soon as it has the widest variant.
            encoded = encoder.encode(decoder.decode(original));
        } finally {
            decoding.release(permits);
        }

        try {
            long id = transactions.execute(status ->
                    insert(hash, original, width, height, encoded, cleanCredit, cleanLink));
            log.info("Stored media {} ({}×{}, {} variants) in {} ms", id, width, height, encoded.size(),
                    (System.nanoTime() - started) / 1_000_000);
            MediaImage image = repository.findById(id).orElseThrow();
            cache(image, encoded);
            return image;
        } catch (DuplicateKeyException sameBytesStoredMeanwhile) {
            log.debug("Media {} was stored meanwhile by a concurrent upload", hash);
            MediaImage winner = repository.findByHash(hash).orElseThrow(() -> sameBytesStoredMeanwhile);
            return withCredit(winner, cleanCredit, cleanLink);
        }
    }

    /** {@code hash} is 64 lowercase hex characters; anything else finds nothing. */
    public Optional<MediaImage> findByHash(String hash) {
        return hash != null && HASH.matcher(hash).matches() ? repository.findByHash(hash) : Optional.empty();
    }

    public Optional<MediaImage> findById(long id) {
        return repository.findById(id);
    }

    /** In one query; keyed by hash, with hashes that are not stored (or not hashes) left out. */
    public Map<String, MediaImage> findByHashes(Collection<String> hashes) {
        List<String> valid = hashes.stream().filter(Objects::nonNull).filter(h -> HASH.matcher(h).matches())
                .distinct().toList();
        return repository.findByHashes(valid);
    }

    /*
     * The media row comes first: a second upload of the same bytes fails here on the unique hash (waiting for
     * the first one's commit if need be) before it writes any blob. File names need the id, see MediaFiles.
     */
    private long insert(String hash, byte[] original, int width, int height, List<VariantEncoder.Encoded> encoded,
                        String credit, String creditLink) {
        long id = repository.insertMedia(hash, width, height, emptyToNull(credit), emptyToNull(creditLink));
        repository.setOriginal(id, blobs.put(original));
        for (VariantEncoder.Encoded e : encoded) {
            String name = MediaFiles.fileName(id, e.width(), e.format(), e.bytes());
            repository.insertVariant(id, new MediaVariant(e.width(), e.height(), e.format(), name), e.bytes().length,
                    blobs.put(e.bytes()));
        }
        return id;
    }

    /** The node that stored an image is the likeliest to serve it next (the editor's preview): keep the variants. */
    private void cache(MediaImage image, List<VariantEncoder.Encoded> encoded) {
        for (VariantEncoder.Encoded e : encoded) {
            String name = MediaFiles.fileName(image.id(), e.width(), e.format(), e.bytes());
            try {
                files.write(name, e.bytes());
            } catch (RuntimeException full) {
                log.warn("Could not cache media variant {}; it is read from the database when asked for", name, full);
            }
        }
    }

    private MediaImage withCredit(MediaImage image, String credit, String creditLink) {
        String newCredit = credit == null ? image.credit() : emptyToNull(credit);
        String newLink = creditLink == null ? image.creditLink() : emptyToNull(creditLink);
        if (Objects.equals(newCredit, image.credit()) && Objects.equals(newLink, image.creditLink())) {
            return image;
        }
        repository.updateCredit(image.id(), newCredit, newLink);
        return new MediaImage(image.id(), image.hash(), image.width(), image.height(), newCredit, newLink,
                image.variants());
    }

    private static String clean(String value, int maxLength, String what) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }

    // Rendered as a link on public pages: a javascript: or data: URL there would run in readers' browsers.
    private static boolean isWebLink(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        try {
            return new URI(link).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
