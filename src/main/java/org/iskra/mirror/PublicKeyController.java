package org.iskra.mirror;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public key that signs this site's mirrors, at a well-known address, so a reader holding a mirror from
 * anywhere can check it came from this site ({@code mirror verify DIR --key=FILE}, or openssl).
 */
@Controller
class PublicKeyController {

    static final String PATH = "/.well-known/iskra-mirror-key.pem";

    private final MirrorWriter writer;

    PublicKeyController(MirrorWriter writer) {
        this.writer = writer;
    }

    @GetMapping(PATH)
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "x-pem-file", StandardCharsets.US_ASCII))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(SigningKey.pem(writer.signingKey().getPublic()));
    }
}
