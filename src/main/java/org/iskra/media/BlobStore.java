package org.iskra.media;

import java.io.InputStream;

/**
 * Where the bytes of a blob are kept: the database ({@link DatabaseBlobStore}) or an S3-compatible object store
 * ({@link S3BlobStore}). Which one holds a given blob is recorded with it ({@code media_blob.location}), so blobs
 * written before the store was changed stay readable.
 */
interface BlobStore {

    /** The value of {@code media_blob.location} for the blobs this store holds. */
    String location();

    /** Writes exactly {@code size} bytes from {@code in} under {@code hash}, replacing whatever was there. */
    void put(String hash, long size, InputStream in);

    /** The bytes stored under {@code hash}, read as they are consumed; {@code size} is the stored length. */
    InputStream open(String hash, long size);
}
