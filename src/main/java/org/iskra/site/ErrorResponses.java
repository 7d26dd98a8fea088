package org.iskra.site;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An error as the reader gets it, whichever way it arrived ({@link ErrorPages}, {@link ContainerErrors}): a 301
 * where the address once showed something that moved, else a page in the reader's language that never shows an
 * exception's message (it could carry personal data).
 */
@Component
class ErrorResponses {

    private final PageFrames frames;
    private final Languages languages;
    private final PageRenderer renderer;
    private final List<MovedAddresses> movedAddresses;

    ErrorResponses(PageFrames frames, Languages languages, PageRenderer renderer, List<MovedAddresses> movedAddresses) {
        this.frames = frames;
        this.languages = languages;
        this.renderer = renderer;
        this.movedAddresses = List.copyOf(movedAddresses);
    }

    /** An address that once showed something answers 301 to where it is now (on every node: it is in the database). */
    ResponseEntity<byte[]> movedOr(HttpServletRequest request, Supplier<ResponseEntity<byte[]>> notFound) {
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            for (MovedAddresses addresses : movedAddresses) {
                var location = addresses.newLocation(request.getRequestURI(), request.getQueryString());
                if (location.isPresent()) {
                    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                            .location(URI.create(location.get()))
                            .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                            .build();
                }
            }
        }
        return notFound.get();
    }

    /** @param versions the page asked for in the languages it exists in, to offer them (language code → path) */
    ResponseEntity<byte[]> page(HttpStatus status, HttpServletRequest request, Map<String, String> versions) {
        Language language = readerLanguage(request);
        Messages t = frames.messages(language);
        String kind = switch (status.value()) {
            case 404, 400, 403, 405, 413, 415 -> String.valueOf(status.value());
            default -> "500";
        };
        List<LanguageLink> elsewhere = new ArrayList<>();
        versions.forEach((code, href) -> languages.find(code)
                .ifPresent(l -> elsewhere.add(new LanguageLink(code, l.nativeName(), href, false))));
        // the back office's errors keep the staff layout, so the way on is the navigation, in the staff's language
        String title = t.get("error." + kind + ".title");
        PageFrame frame = BackOfficeLanguage.appliesTo(request) ? frames.backOfficeFrame(language, title)
                : frames.errorFrame(language, title);
        ErrorPage model = new ErrorPage(frame,
                status.value(), t.get("error." + kind + ".title"), t.get("error." + kind + ".text"), elsewhere);
        return renderer.errorPage(status, model, language);
    }

    private Language readerLanguage(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String s ? s : request.getRequestURI();
        String[] segments = path.split("/");
        if (segments.length > 1) {
            var fromPath = languages.find(segments[1]);
            if (fromPath.isPresent()) {
                return fromPath.get();
            }
        }
        return languages.preferredBy(request);
    }
}
