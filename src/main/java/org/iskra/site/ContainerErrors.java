package org.iskra.site;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /error}: where the container sends an error that happened outside Spring MVC, shown as every error is. */
@RestController
class ContainerErrors implements ErrorController {

    private final ErrorResponses responses;

    ContainerErrors(ErrorResponses responses) {
        this.responses = responses;
    }

    /** Errors that happen outside Spring MVC (a filter, the container) arrive here. */
    @RequestMapping("/error")
    ResponseEntity<byte[]> containerError(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        // a filter (the login throttle reads the email, Spring's form filter parses PUT bodies) met a body it
        // cannot read
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                && ErrorPages.unreadableStatus(thrown) != null) {
            status = ErrorPages.unreadableStatus(thrown);
        }
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return responses.page(status, request, Map.of());
    }
}
