package org.iskra.site;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reader's explicit choice of language, remembered in a cookie so that {@code /} sends them there next time.
 * Only this address sets the cookie: public pages stay cookie-free and cacheable.
 */
@RestController
class LanguageChoice {

    static final String COOKIE = "iskra_lang";

    private final Languages languages;

    LanguageChoice(Languages languages) {
        this.languages = languages;
    }

    @GetMapping("/language/{code}")
    ResponseEntity<Void> choose(@PathVariable String code, @RequestParam(required = false) String next,
                                HttpServletRequest request) {
        Language language = languages.find(code).orElseThrow(NotFoundException::new);
        ResponseCookie cookie = ResponseCookie.from(COOKIE, language.code())
                .path("/")
                .maxAge(Duration.ofDays(365))
                .sameSite("Lax")
                .httpOnly(true)
                .secure(request.isSecure())
                .build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(localPathOr(next, "/" + language.code() + "/")))
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** Only a path on this site: never another host, so the address cannot be used to send readers elsewhere. */
    private static String localPathOr(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        return next;
    }
}
