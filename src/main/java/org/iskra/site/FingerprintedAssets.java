package org.iskra.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The stylesheet and the back office's scripts, served under names that change with their content so browsers may
 * keep them for a year; a reader on a slow connection downloads them once.
 */
@Controller
class FingerprintedAssets {

    /** An asset as served: its bytes, and the same gzipped once at start (a stylesheet shrinks to a quarter). */
    private record Asset(String path, MediaType type, byte[] bytes, byte[] gzipped) {
    }

    private static final Map<String, MediaType> FILES = Map.of(
            "assets/site.css", new MediaType("text", "css", StandardCharsets.UTF_8),
            "assets/staff.css", new MediaType("text", "css", StandardCharsets.UTF_8),
            "assets/article-editor.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "assets/passkeys.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "assets/mirror-search.js", new MediaType("text", "javascript", StandardCharsets.UTF_8));

    /** Served name (e.g. {@code site.0123456789ab.css}) → asset. */
    private final Map<String, Asset> byServedName = new LinkedHashMap<>();
    private final Map<String, String> pathByResource = new LinkedHashMap<>();

    FingerprintedAssets() {
        FILES.forEach((resource, type) -> {
            byte[] bytes;
            try (InputStream in = new ClassPathResource(resource).getInputStream()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            String served = file.substring(0, dot) + "." + hash(bytes) + file.substring(dot);
            byServedName.put(served, new Asset("/assets/" + served, type, bytes, gzip(bytes)));
            pathByResource.put(resource, "/assets/" + served);
        });
    }

    String stylesheetPath() {
        return path("assets/site.css");
    }

    /** The path a page links to for a resource such as {@code assets/site.css}. */
    String path(String resource) {
        String path = pathByResource.get(resource);
        if (path == null) {
            throw new IllegalArgumentException("no asset " + resource);
        }
        return path;
    }

    /** The bytes served at a path such as {@code /assets/site.0123456789ab.css}, for copies of the site. */
    java.util.Optional<byte[]> bytes(String servedPath) {
        String prefix = "/assets/";
        if (!servedPath.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(byServedName.get(servedPath.substring(prefix.length()))).map(Asset::bytes);
    }

    @GetMapping("/assets/{name:[a-z0-9.-]+}")
    ResponseEntity<byte[]> asset(@PathVariable String name,
                                 @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String encodings) {
        Asset asset = byServedName.get(name);
        if (asset == null) {
            return ResponseEntity.notFound().build();
        }
        boolean gzip = encodings != null && encodings.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(asset.type())
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
                .varyBy(HttpHeaders.ACCEPT_ENCODING)
                // the two representations differ, so they must not share an entity tag
                .eTag(gzip ? name + "-gz" : name);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.body(gzip ? asset.gzipped() : asset.bytes());
    }

    private static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 3 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
