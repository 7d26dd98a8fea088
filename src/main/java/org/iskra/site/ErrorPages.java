package org.iskra.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error a reader can meet, as a page in their language. Exception messages never reach the page: they
 * could carry personal data. Unexpected errors are logged with their stack trace and shown as a plain 500.
 */
@ControllerAdvice
@RestController
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final PageFrames frames;
    private final Languages languages;
    private final PageRenderer renderer;
    private final List<MovedAddresses> movedAddresses;

    ErrorPages(PageFrames frames, Languages languages, PageRenderer renderer, List<MovedAddresses> movedAddresses) {
        this.frames = frames;
        this.languages = languages;
        this.renderer = renderer;
        this.movedAddresses = List.copyOf(movedAddresses);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<byte[]> notFound(NotFoundException e, HttpServletRequest request) {
        return movedOr(request, () -> page(HttpStatus.NOT_FOUND, request, e.versions()));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class, TypeMismatchException.class})
    ResponseEntity<byte[]> noSuchPage(Exception e, HttpServletRequest request) {
        return movedOr(request, () -> page(HttpStatus.NOT_FOUND, request, Map.of()));
    }

    /** An address that once showed something answers 301 to where it is now (on every node: it is in the database). */
    private ResponseEntity<byte[]> movedOr(HttpServletRequest request, java.util.function.Supplier<ResponseEntity<byte[]>> notFound) {
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            for (MovedAddresses addresses : movedAddresses) {
                var location = addresses.newLocation(request.getRequestURI(), request.getQueryString());
                if (location.isPresent()) {
                    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                            .location(java.net.URI.create(location.get()))
                            .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1)))
                            .build();
                }
            }
        }
        return notFound.get();
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<byte[]> forbidden(HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, request, Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> methodNotAllowed(HttpServletRequest request) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, request, Map.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<byte[]> badRequest(HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, request, Map.of());
    }

    /**
     * What the client sent cannot be read (a form with a malformed escape or too many fields, a multipart body
     * without its boundary): the client's mistake. A query string never gets this far ({@link MalformedQueryFilter});
     * a body may.
     */
    @ExceptionHandler({InvalidParameterException.class, HttpMessageNotReadableException.class, MultipartException.class})
    ResponseEntity<byte[]> unreadable(Exception e, HttpServletRequest request) {
        return page(unreadableStatus(e), request, Map.of());
    }

    /** The 4xx for a request whose parameters or body cannot be read, or null when that is not what went wrong. */
    private static HttpStatus unreadableStatus(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidParameterException e) {
                return e.getErrorCode() == 413 ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
            }
            if (t instanceof MaxUploadSizeExceededException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof HttpMessageNotReadableException || t instanceof MultipartException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        return null;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> unsupportedType(HttpServletRequest request) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, request, Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> tooLarge(HttpServletRequest request) {
        return page(HttpStatus.CONTENT_TOO_LARGE, request, Map.of());
    }

    /**
     * The client went away before the answer was written (a load balancer's health check reads the status line and
     * closes): nobody is left to show a page to, and nothing went wrong here.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("Client gone before the answer to {} {} was written", request.getMethod(), request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), loggedPath(request), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, request, Map.of());
    }

    /**
     * The route's pattern ({@code /admin/invitation/{token}}) rather than the address: an address may carry a secret
     * (an invitation's token) or a public id that belongs in the audit log, not in the application's. Outside a
     * route, the path with every long segment masked.
     */
    static String loggedPath(HttpServletRequest request) {
        Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String route) {
            return route;
        }
        return request.getRequestURI().replaceAll("[^/]{24,}", "…");
    }

    /** Errors that happen outside Spring MVC (a filter, the container) arrive here. */
    @RequestMapping("/error")
    ResponseEntity<byte[]> containerError(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        // a filter (the login throttle reads the email, Spring's form filter parses PUT bodies) met a body it
        // cannot read
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                && unreadableStatus(thrown) != null) {
            status = unreadableStatus(thrown);
        }
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return page(status, request, Map.of());
    }

    private ResponseEntity<byte[]> page(HttpStatus status, HttpServletRequest request, Map<String, String> versions) {
        Language language = readerLanguage(request);
        Messages t = frames.messages(language);
        String kind = switch (status.value()) {
            case 404, 400, 403, 405, 413, 415 -> String.valueOf(status.value());
            default -> "500";
        };
        List<LanguageLink> elsewhere = new ArrayList<>();
        versions.forEach((code, href) -> languages.find(code)
                .ifPresent(l -> elsewhere.add(new LanguageLink(code, l.nativeName(), href, false))));
        ErrorPage model = new ErrorPage(frames.errorFrame(language, t.get("error." + kind + ".title")),
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
