package org.iskra.site;

import java.util.List;
import java.util.Set;

/** One kept response: its bytes plain and gzipped, the headers to replay, what it depends on, and
 * what reading it counts as. */
final class CachedPage {

    record Header(String name, String value) {
    }

    private final int status;
    private final List<Header> headers;
    private final byte[] body;
    private final byte[] gzipped;
    private final String etag;
    private final long lastModified;
    private final Set<String> tags;
    private final String readSubject;
    volatile long lastUsed;

    CachedPage(int status, List<Header> headers, byte[] body, byte[] gzipped, String etag, long lastModified, Set<String> tags,
               String readSubject) {
        this.status = status;
        this.headers = headers;
        this.body = body;
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
        return body;
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
