package org.iskra.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves variant files, from this node's cache or read into it from the database. Their names change whenever
 * their bytes do, so browsers and proxies may keep them for a year without asking again; the ETag is the name, the
 * same on every node.
 */
@RestController
class MediaController {

    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private final VariantFiles files;

    MediaController(VariantFiles files) {
        this.files = files;
    }

    /*
     * Returning the ETag in the ResponseEntity lets Spring answer If-None-Match with 304, and a Resource body is
     * streamed from disk (with Range support) rather than read into memory.
     */
    @GetMapping("/media/{fileName}")
    ResponseEntity<Resource> file(@PathVariable String fileName) throws IOException {
        Optional<Path> found = files.file(fileName);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Path file = found.get();
        return ResponseEntity.ok()
                .contentType(fileName.endsWith(".webp") ? MediaType.parseMediaType("image/webp") : MediaType.IMAGE_JPEG)
                .contentLength(Files.size(file))
                .eTag("\"" + fileName.substring(0, fileName.indexOf('.')) + "\"")
                .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                .body(new FileSystemResource(file));
    }
}
