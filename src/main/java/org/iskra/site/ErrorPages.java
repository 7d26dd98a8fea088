package org.iskra.site;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error a reader can meet in Spring MVC, mapped to its status and shown by {@link ErrorResponses}: a page in
 * their language. Unexpected errors are logged with their stack trace and shown as a plain 500.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorResponses responses;

    ErrorPages(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<byte[]> notFound(NotFoundException e, HttpServletRequest request) {
        return responses.movedOr(request, () -> responses.page(HttpStatus.NOT_FOUND, request, e.versions()));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class, TypeMismatchException.class})
    ResponseEntity<byte[]> noSuchPage(Exception e, HttpServletRequest request) {
        return responses.movedOr(request, () -> responses.page(HttpStatus.NOT_FOUND, request, Map.of()));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<byte[]> forbidden(HttpServletRequest request) {
        return responses.page(HttpStatus.FORBIDDEN, request, Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> methodNotAllowed(HttpServletRequest request) {
        return responses.page(HttpStatus.METHOD_NOT_ALLOWED, request, Map.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<byte[]> badRequest(HttpServletRequest request) {
        return responses.page(HttpStatus.BAD_REQUEST, request, Map.of());
    }

    /**
     * What the client sent cannot be read (a form with a malformed escape or too many fields, a multipart body
     * without its boundary): the client's mistake. A query string never gets this far ({@link MalformedQueryFilter});
     * a body may.
     */
    @ExceptionHandler({InvalidParameterException.class, HttpMessageNotReadableException.class, MultipartException.class})
    ResponseEntity<byte[]> unreadable(Exception e, HttpServletRequest request) {
        return responses.page(unreadableStatus(e), request, Map.of());
    }

    /** The 4xx for a request whose parameters or body cannot be read, or null when that is not what went wrong. */
    static HttpStatus unreadableStatus(Throwable error) {
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
        return responses.page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, request, Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> tooLarge(HttpServletRequest request) {
        return responses.page(HttpStatus.CONTENT_TOO_LARGE, request, Map.of());
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
        return responses.page(HttpStatus.INTERNAL_SERVER_ERROR, request, Map.of());
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
}
