package org.iskra.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** One kept response: its bytes gzipped, the headers to replay, what it depends on, and what reading it counts
 * as. Only the gzipped form is kept, a third of the plain one, so a full cache fits a small heap; the few clients
 * that do not accept gzip get it inflated. */
final class CachedPage {

    record Header(String name, String value) {
    }

    private final int status;
    private final List<Header> headers;
    private final byte[] gzipped;
    private final String etag;
    private final long lastModified;
    private final Set<String> tags;
    private final String readSubject;
    volatile long lastUsed;

    CachedPage(int status, List<Header> headers, byte[] gzipped, String etag, long lastModified, Set<String> tags,
               String readSubject) {
        this.status = status;
        this.headers = headers;
        this.gzipped = gzipped;
        this.etag = etag;
        this.lastModified = lastModified;
        this.tags = tags;
        this.readSubject = readSubject;
    }

    int status() {
        return status;
    }

    List<Header> headers() {
        return headers;
    }

    byte[] body() {
        try (GZIPInputStream plain = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return plain.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] gzipped() {
        return gzipped;
    }

    String etag() {
        return etag;
    }

    long lastModified() {
        return lastModified;
    }

    Set<String> tags() {
        return tags;
    }

    /** What serving this page is a read of, for {@link PageReads}; null if it is not counted. */
    String readSubject() {
        return readSubject;
    }
}
