package org.iskra.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The stylesheet, served under a name that changes with its content so browsers may keep it for a year; a reader
 * on a slow connection downloads it once.
 */
@Controller
class Assets {

    private final byte[] css;
    private final String cssName;

    Assets() {
        try (InputStream in = new ClassPathResource("assets/site.css").getInputStream()) {
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cssName = "site." + hash(css) + ".css";
    }

    String stylesheetPath() {
        return "/assets/" + cssName;
    }

    @GetMapping("/assets/{name:[a-z0-9.]+}")
    ResponseEntity<byte[]> asset(@PathVariable String name) {
        if (!name.equals(cssName)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
                .eTag(cssName)
                .body(css);
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
