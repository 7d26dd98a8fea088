package org.iskra.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Blobs in the database, in rows of {@link #CHUNK} bytes ({@code media_blob_chunk}). Neither PostgreSQL's driver
 * nor H2 streams a {@code bytea} value it reads, and PostgreSQL's large objects outlive the rows that name them;
 * pieces of bounded size are read and written the same way on both, so a 25 MB original never sits whole in the
 * heap, and a backup reads the table like any other. Writes run in the caller's transaction.
 */
@Component
class DatabaseBlobStore implements BlobStore {

    static final String LOCATION = "database";
    static final int CHUNK = 128 * 1024;

    private final JdbcClient jdbc;

    DatabaseBlobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String location() {
        return LOCATION;
    }

    @Override
    public void put(String hash, long size, InputStream in) {
        jdbc.sql("delete from media_blob_chunk where hash = ?").param(hash).update();
        byte[] buffer = new byte[CHUNK];
        long written = 0;
        int seq = 0;
        try {
            while (true) {
                int filled = in.readNBytes(buffer, 0, CHUNK);
                if (filled == 0) {
                    break;
                }
                jdbc.sql("insert into media_blob_chunk (hash, seq, bytes) values (?, ?, ?)")
                        .params(hash, seq++, filled == CHUNK ? buffer : Arrays.copyOf(buffer, filled))
                        .update();
                written += filled;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bytes of media blob " + hash, e);
        }
        if (written != size) {
            throw new IllegalStateException("media blob " + hash + " has " + written + " bytes, not " + size);
        }
    }

    @Override
    public InputStream open(String hash, long size) {
        return new Chunks(hash, (int) ((size + CHUNK - 1) / CHUNK));
    }

    /** Reads one chunk a query, when the previous one is used up. */
    private final class Chunks extends InputStream {

        private final String hash;
        private final int count;
        private int next;
        private byte[] chunk = new byte[0];
        private int position;

        Chunks(String hash, int count) {
            this.hash = hash;
            this.count = count;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position == chunk.length) {
                if (next == count) {
                    return false;
                }
                int seq = next++;
                chunk = jdbc.sql("select bytes from media_blob_chunk where hash = ? and seq = ?")
                        .params(hash, seq).query(byte[].class).optional()
                        .orElseThrow(() -> new UncheckedIOException(new IOException(
                                "media blob " + hash + " misses its piece " + seq)));
                position = 0;
            }
            return true;
        }
    }
}
