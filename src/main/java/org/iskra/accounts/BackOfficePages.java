package org.iskra.accounts;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** What the login's and the account's pages share: the reader's language, the frame, the CSRF field, PRG. */
@Component
class BackOfficePages {

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    BackOfficePages(Languages languages, PageFrames frames, PageRenderer renderer) {
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    Language language(HttpServletRequest request) {
        return languages.preferredBy(request);
    }

    Messages messages(HttpServletRequest request) {
        return frames.messages(language(request));
    }

    PageFrame frame(HttpServletRequest request, String titleKey) {
        Language language = language(request);
        return frames.backOfficeFrame(language, frames.messages(language).get(titleKey));
    }

    String asset(String resource) {
        return frames.assetPath(resource);
    }

    static SecondFactorPages.Csrf csrf(CsrfToken token) {
        return new SecondFactorPages.Csrf(token.getParameterName(), token.getToken(), token.getHeaderName());
    }

    ResponseEntity<byte[]> render(HttpStatus status, String template, Object model, HttpServletRequest request) {
        return renderer.privatePage(status, template, model, language(request));
    }

    static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location))
                .cacheControl(CacheControl.noStore()).build();
    }
}
