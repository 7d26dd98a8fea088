package org.iskra.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code media_blob} rows: content-addressed bytes, written once. A blob's row is inserted in the transaction
 * that stores what refers to it; in the database store its pieces go in the same transaction, in an object store
 * the object is written first, so any blob a committed row names can be read.
 */
@Component
class MediaBlobs {

    /** A stored blob: its length and where its bytes are. */
    record Blob(String hash, long size, String location) {
    }

    private final JdbcClient jdbc;
    private final BlobStores stores;

    MediaBlobs(JdbcClient jdbc, BlobStores stores) {
        this.jdbc = jdbc;
        this.stores = stores;
    }

    /** Stores {@code bytes} unless a blob with the same content exists; returns its hash. */
    String put(byte[] bytes) {
        String hash = MediaFiles.sha256Hex(bytes);
        if (find(hash).isPresent()) {
            return hash;
        }
        BlobStore store = stores.forWriting();
        boolean external = !DatabaseBlobStore.LOCATION.equals(store.location());
        if (external) {
            store.put(hash, bytes.length, new java.io.ByteArrayInputStream(bytes));
        }
        // a concurrent writer of the same bytes makes this insert wait for its commit and then do nothing
        int inserted = jdbc.sql("""
                        insert into media_blob (hash, byte_size, location) values (?, ?, ?)
                        on conflict do nothing""")
                .params(hash, (long) bytes.length, store.location())
                .update();
        if (inserted == 1 && !external) {
            store.put(hash, bytes.length, new java.io.ByteArrayInputStream(bytes));
        }
        return hash;
    }

    Optional<Blob> find(String hash) {
        return jdbc.sql("select hash, byte_size as size, location from media_blob where hash = ?")
                .param(hash).query(Blob.class).optional();
    }

    /** The bytes of a stored blob, read as they are consumed. */
    InputStream open(Blob blob) {
        return stores.at(blob.location()).open(blob.hash(), blob.size());
    }

    /** Every stored blob's hash, in order. */
    List<String> hashes() {
        return jdbc.sql("select hash from media_blob order by hash").query(String.class).list();
    }

    /**
     * Writes the bytes of a blob whose row exists (a restored one) to the store in use, checking them against the
     * hash; returns false when no row names {@code hash}.
     *
     * @throws IllegalArgumentException when the bytes are not those the hash names
     */
    boolean restore(String hash, InputStream in) {
        Optional<Blob> row = find(hash);
        if (row.isEmpty()) {
            return false;
        }
        BlobStore store = stores.forWriting();
        MessageDigest sha256 = MediaFiles.sha256();
        DigestInputStream checked = new DigestInputStream(in, sha256);
        store.put(hash, row.get().size(), checked);
        try {
            if (checked.read() != -1) {
                throw new IllegalArgumentException("media blob " + hash + " is longer than " + row.get().size() + " bytes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!HexFormat.of().formatHex(sha256.digest()).equals(hash)) {
            throw new IllegalArgumentException("the bytes given for media blob " + hash + " do not have that hash");
        }
        jdbc.sql("update media_blob set location = ? where hash = ?").params(store.location(), hash).update();
        return true;
    }
}
