package org.iskra.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private final byte[] gzipped;
    private final String etag;
    private final long lastModified;
    private final Set<String> tags;
    private final String readSubject;
    // what a hit writes, as the bytes that go on the wire: encoding header strings on every hit was a third of
    // the cost of serving one (see PageCacheValve)
    private final byte[][] headerNames;
    private final byte[][] headerValues;
    private final byte[] gzipETag;
    private final byte[] plainETag;
    volatile long lastUsed;

    CachedPage(int status, List<Header> headers, byte[] gzipped, String etag, long lastModified, Set<String> tags,
               String readSubject) {
        this.status = status;
        this.gzipped = gzipped;
        this.etag = etag;
        this.lastModified = lastModified;
        this.tags = tags;
        this.readSubject = readSubject;
        this.headerNames = headers.stream().map(header -> latin1(header.name())).toArray(byte[][]::new);
        this.headerValues = headers.stream().map(header -> latin1(header.value())).toArray(byte[][]::new);
        String bare = etag.replace("\"", "");
        this.gzipETag = latin1("\"" + bare + "-gz\"");
        this.plainETag = latin1(etag);
    }

    /** HTTP header bytes are ISO-8859-1, as Tomcat writes them. */
    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    byte[][] headerNames() {
        return headerNames;
    }

    byte[][] headerValues() {
        return headerValues;
    }

    /** The entity tag of the gzipped or of the plain body: they are different representations. */
    byte[] etagBytes(boolean gzip) {
        return gzip ? gzipETag : plainETag;
    }

    int status() {
        return status;
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
