package org.iskra.site;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    private final List<MovedAddresses> movedAddresses;

    LanguageRedirect(Languages languages, List<MovedAddresses> movedAddresses) {
        this.languages = languages;
        this.movedAddresses = List.copyOf(movedAddresses);
    }

    @GetMapping("/")
    ResponseEntity<Void> root(HttpServletRequest request) {
        // an imported WordPress site's short links (/?p=123, /?page_id=7) lead to their articles
        if (request.getQueryString() != null) {
            for (MovedAddresses addresses : movedAddresses) {
                Optional<String> location = addresses.newLocation("/", request.getQueryString());
                if (location.isPresent()) {
                    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location.get()))
                            .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).build();
                }
            }
        }
        Language language = languages.preferredBy(request);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/" + language.code() + "/"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE)
                .cacheControl(CacheControl.noCache())
                .build();
    }
}
