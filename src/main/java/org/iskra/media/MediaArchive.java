package org.iskra.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Media bytes for backup and restore. The rows that describe images (and name their blobs) are tables like any
 * other; the bytes are written next to them as one entry per blob, read a piece at a time from wherever they are,
 * and restored into whichever store the restoring installation uses.
 */
@Service
public class MediaArchive {

    private final MediaBlobs blobs;
    private final LegacyMediaFolder legacy;
    private final TransactionTemplate transactions;

    MediaArchive(MediaBlobs blobs, LegacyMediaFolder legacy, PlatformTransactionManager transactionManager) {
        this.blobs = blobs;
        this.legacy = legacy;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The table whose rows are the blobs' bytes, which a backup writes through {@link #copy} instead. */
    public static final String BYTES_TABLE = "media_blob_chunk";

    /**
     * Copies the variant files of this data folder's media folder from before media moved into the database, so a
     * backup taken on an installation not yet fully moved holds them too; returns how many it copied.
     */
    public int copyInLegacyFiles() {
        return legacy.importAll().copied();
    }

    /** Every stored blob. Blobs are never changed or removed, so a row in an earlier snapshot is still here. */
    public List<String> blobs() {
        return blobs.hashes();
    }

    /** Writes the bytes of a blob to {@code out}; false if no blob has that hash. */
    public boolean copy(String hash, OutputStream out) throws IOException {
        var blob = blobs.find(hash);
        if (blob.isEmpty()) {
            return false;
        }
        try (InputStream in = blobs.open(blob.get())) {
            in.transferTo(out);
        }
        return true;
    }

    /**
     * Writes the bytes of a restored blob row into this installation's store, in one transaction; false if no row
     * names the hash (the backup had the bytes of a blob stored after its snapshot).
     *
     * @throws IllegalArgumentException when the bytes do not have that hash
     */
    public boolean restore(String hash, InputStream in) {
        return Boolean.TRUE.equals(transactions.execute(status -> blobs.restore(hash, in)));
    }

    /**
     * A media file of a backup taken before media moved into the database ({@code media/{file}}): becomes the blob
     * of the variant of that name; false if no variant has it.
     */
    public boolean restoreVariantFile(String fileName, InputStream in) throws IOException {
        return legacy.restore(fileName, in);
    }
}
