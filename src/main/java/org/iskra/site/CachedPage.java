package org.iskra.site;

import java.util.List;
import java.util.Set;

/** One kept response: its bytes plain and gzipped, the headers to replay, and what it depends on. */
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
    volatile long lastUsed;

    CachedPage(int status, List<Header> headers, byte[] body, byte[] gzipped, String etag, long lastModified, Set<String> tags) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.gzipped = gzipped;
        this.etag = etag;
        this.lastModified = lastModified;
        this.tags = tags;
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
}
