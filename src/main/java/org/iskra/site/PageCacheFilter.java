package org.iskra.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps pages: a GET or HEAD that {@link PageCacheValve} could not answer goes through the application, and if
 * the controller marked the response cacheable, it is kept (gzipped, with its headers and ETag) for the next
 * reader and served from what was kept, so the first reader gets exactly what later ones will.
 */
class PageCacheFilter extends OncePerRequestFilter {

    // HSTS belongs to the request (did it come over HTTPS?), not to the page: the valve writes it on each hit
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "date", "content-encoding",
            "transfer-encoding", "etag", "vary", "connection", "keep-alive", "strict-transport-security");

    private final PageCache cache;
    private final PageReads reads;

    PageCacheFilter(PageCache cache, PageReads reads) {
        this.cache = cache;
        this.reads = reads;
    }

    /** Media files stream from disk and the actuator is for machines: neither should be buffered here. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return neverKept(request.getRequestURI());
    }

    static boolean neverKept(String path) {
        return path.startsWith("/media/") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        ParametersRead parameters = new ParametersRead(request);
        chain.doFilter(parameters, wrapper);
        @SuppressWarnings("unchecked")
        Set<String> tags = (Set<String>) request.getAttribute(PageCache.TAGS_ATTRIBUTE);
        if (wrapper.getStatus() == 200 || wrapper.getStatus() == 304) {
            reads.count(PageReads.subjectOf(request), request);
        }
        if (tags != null && wrapper.getStatus() == 200 && !response.isCommitted()) {
            CachedPage page = keep(wrapper, tags, PageReads.subjectOf(request));
            if (!parameters.all) {
                cache.keep(request.getRequestURI(), request.getQueryString(), parameters.names, page);
            }
            wrapper.resetBuffer();
            serve(page, request, response);
        } else {
            wrapper.copyBodyToResponse();
        }
    }

    /**
     * Notes which query parameters the page reads while it renders: the page is kept under those and its path
     * only. A page that asked for every parameter (a form bound as a whole) could depend on any, and is not kept.
     */
    private static final class ParametersRead extends HttpServletRequestWrapper {
        private final Set<String> names = ConcurrentHashMap.newKeySet();
        private volatile boolean all;

        ParametersRead(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            names.add(name);
            return super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            names.add(name);
            return super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            all = true;
            return super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            all = true;
            return super.getParameterNames();
        }
    }

    private static CachedPage keep(ContentCachingResponseWrapper response, Set<String> tags, String readSubject)
            throws IOException {
        byte[] body = response.getContentAsByteArray();
        List<CachedPage.Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new CachedPage.Header(name, value));
                }
            }
        }
        if (response.getContentType() != null && response.getHeader("Content-Type") == null) {
            headers.add(new CachedPage.Header("Content-Type", response.getContentType()));
        }
        String lastModifiedHeader = response.getHeader("Last-Modified");
        long lastModified = -1;
        if (lastModifiedHeader != null) {
            try {
                lastModified = java.time.ZonedDateTime.parse(lastModifiedHeader, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException ignored) {
                // a page without a usable date is still revalidated by its ETag
            }
        }
        return new CachedPage(200, List.copyOf(headers), gzip(body), "\"" + hash(body) + "\"", lastModified, tags, readSubject);
    }

    private static void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzip = acceptsGzip(request);
        String bare = page.etag().replace("\"", "");
        String etag = "\"" + bare + (gzip ? "-gz\"" : "\"");
        response.setHeader("ETag", etag);
        response.setHeader("Vary", "Accept-Encoding");
        if (notModified(page, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzipped() : page.body();
        response.setStatus(page.status());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static boolean notModified(CachedPage page, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            String bare = page.etag().replace("\"", "");
            return ifNoneMatch.contains(bare) || ifNoneMatch.trim().equals("*");
        }
        if (page.lastModified() > 0) {
            try {
                long since = request.getDateHeader("If-Modified-Since");
                return since >= 0 && page.lastModified() / 1000 <= since / 1000;
            } catch (IllegalArgumentException unparseable) {
                return false;
            }
        }
        return false;
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Encoding");
        return accept != null && accept.contains("gzip") && !accept.contains("gzip;q=0");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            { def.setLevel(9); }
        }) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
