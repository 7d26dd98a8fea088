package org.iskra.site;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /} sends each reader to the front page in their language. */
@RestController
class LanguageRedirect {

    private final Languages languages;

    LanguageRedirect(Languages languages) {
        this.languages = languages;
    }

    @GetMapping("/")
    ResponseEntity<Void> root(HttpServletRequest request) {
        Language language = languages.preferredBy(request);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/" + language.code() + "/"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE)
                .cacheControl(CacheControl.noCache())
                .build();
    }
}
