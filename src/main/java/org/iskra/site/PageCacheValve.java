package org.iskra.site;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Answers page cache hits at Tomcat's door, before the servlet machinery (host and context valves, the filter
 * chain, Spring), and writes their headers as bytes prepared when the page was kept. Measured on a hit, encoding
 * header strings was about a third of the work and the way through the servlet machinery much of the rest. A miss
 * goes on as any request and {@link PageCacheFilter} renders and keeps the page.
 */
final class PageCacheValve extends ValveBase {

    private static final byte[] ETAG = CachedPage.latin1("ETag");
    private static final byte[] VARY = CachedPage.latin1("Vary");
    private static final byte[] ACCEPT_ENCODING = CachedPage.latin1("Accept-Encoding");
    private static final byte[] CONTENT_ENCODING = CachedPage.latin1("Content-Encoding");
    private static final byte[] GZIP = CachedPage.latin1("gzip");
    private static final byte[] DATE = CachedPage.latin1("Date");
    private static final byte[] NOTHING = new byte[0];
    private static final byte[] STRICT_TRANSPORT_SECURITY = CachedPage.latin1("Strict-Transport-Security");
    private static final byte[] HSTS = CachedPage.latin1(SecurityHeaders.HSTS);

    private record Today(String text, byte[] bytes) {
    }

    private final PageCache cache;
    private final PageReads reads;
    private volatile Today date = new Today("", new byte[0]);

    PageCacheValve(PageCache cache, PageReads reads) {
        super(true);
        this.cache = cache;
        this.reads = reads;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String method = request.getMethod();
        String path = request.getRequestURI();
        // a request Tomcat refused to parse (a character not allowed in a query) comes through with no path, to get
        // its 400 written
        if (path != null && ("GET".equals(method) || "HEAD".equals(method)) && !PageCacheFilter.neverKept(path)) {
            CachedPage hit = cache.lookup(request.getRequestURI(), request.getQueryString());
            if (hit != null) {
                serve(hit, request, response);
                return;
            }
        }
        getNext().invoke(request, response);
    }

    private void serve(CachedPage page, Request request, Response response) throws IOException {
        boolean gzip = PageCacheFilter.acceptsGzip(request);
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        int first = headers.size();
        try {
            byte[][] names = page.headerNames();
            byte[][] values = page.headerValues();
            for (int i = 0; i < names.length; i++) {
                add(headers, names[i], values[i]);
            }
            add(headers, ETAG, page.etagBytes(gzip));
            add(headers, VARY, ACCEPT_ENCODING);
            add(headers, DATE, date());
            if (request.isSecure()) {
                // over HTTPS, directly or through a TLS-terminating proxy Tomcat trusts (forwarded headers)
                add(headers, STRICT_TRANSPORT_SECURITY, HSTS);
            }
            // counted before the body goes out, so a read the reader has seen is always counted
            reads.count(page.readSubject(), request);
            if (PageCacheFilter.notModified(page, request)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            } else {
                byte[] body = gzip ? page.gzipped() : page.body();
                response.setStatus(page.status());
                if (gzip) {
                    add(headers, CONTENT_ENCODING, GZIP);
                }
                response.getCoyoteResponse().setContentLength(body.length);
                if (!"HEAD".equals(request.getMethod())) {
                    response.getOutputStream().write(body);
                }
            }
            // the headers are copied into the connection's buffer here (Tomcat's own finishing later does nothing)
            response.finishResponse();
        } finally {
            release(headers, first);
        }
    }

    private static void add(MimeHeaders headers, byte[] name, byte[] value) {
        headers.addValue(name, 0, name.length).setBytes(value, 0, value.length);
    }

    /**
     * Takes the page's arrays back from the header slots. Tomcat recycles the slots with the arrays still in them
     * and may write into such an array later (a later response's Content-Length goes into the array it finds in
     * its slot), which would change the kept page's headers for every reader after.
     */
    private static void release(MimeHeaders headers, int first) {
        for (int i = first; i < headers.size(); i++) {
            headers.getName(i).getByteChunk().setBytes(NOTHING, 0, 0);
            headers.getValue(i).getByteChunk().setBytes(NOTHING, 0, 0);
        }
    }

    /** Tomcat's date of this second, encoded once a second instead of on every response. */
    private byte[] date() {
        String now = FastHttpDateFormat.getCurrentDate();
        Today today = date;
        if (!today.text().equals(now)) {
            today = new Today(now, CachedPage.latin1(now));
            date = today;
        }
        return today.bytes();
    }
}
