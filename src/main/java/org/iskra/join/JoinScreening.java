package org.iskra.join;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.iskra.screening.DisposableDomains;
import org.iskra.screening.SameOrigin;
import org.iskra.site.ClientAddress;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A submitted join form, from the request to what becomes of it. The checks run in this order, cheapest and most
 * telling first: the origin, the size, the client's rate, the honeypot, the token, the fields (throwaway domains
 * included) and the email's rate; a form that passes them all is stored, and the email's rate is given back for a
 * repeat of a form stored before. The controller renders the verdict and decides nothing.
 */
@Component
class JoinScreening {

    private static final Logger log = LoggerFactory.getLogger(JoinScreening.class);
    /** The largest form body read: every field at its maximum, each character percent-encoded, fits. */
    static final long MAX_BODY_BYTES = 100_000;

    /** What becomes of a submission. */
    enum Outcome {
        /** Stored, or a robot's (the honeypot): both see the thanks page, so a robot learns nothing. */
        THANKS,
        /** Refused: the form again, with what was typed, a notice and the fields' errors. */
        FORM,
        /** Fine, but the database could not take it now: the form again, and a hint to send it in a moment. */
        UNAVAILABLE
    }

    /**
     * The verdict: the HTTP status and the form to show (with its token, fresh where the old one cannot be used
     * again), the notice and the errors by field, as message keys.
     */
    record Verdict(Outcome outcome, HttpStatus status, JoinForm form, Map<String, String> errors, String notice) {

        static final Verdict THANKS = new Verdict(Outcome.THANKS, HttpStatus.SEE_OTHER, null, Map.of(), null);

        static Verdict refused(HttpStatus status, JoinForm form, String notice) {
            return new Verdict(Outcome.FORM, status, form, Map.of(), notice);
        }
    }

    private final FormTokens tokens;
    private final Countries countries;
    private final DisposableDomains disposable;
    private final JoinRateLimits limits;
    private final JoinIntake intake;
    private final Validator validator;
    private final IskraProperties site;

    JoinScreening(FormTokens tokens, Countries countries, DisposableDomains disposable, JoinRateLimits limits,
                  JoinIntake intake, Validator validator, IskraProperties site) {
        this.tokens = tokens;
        this.countries = countries;
        this.disposable = disposable;
        this.limits = limits;
        this.intake = intake;
        this.validator = validator;
        this.site = site;
    }

    /** @throws AccessDeniedException for a form posted from another site: a 403, not a page to fill in again */
    Verdict screen(HttpServletRequest request, Language language) {
        if (!SameOrigin.check(request, site.baseUrl())) {
            throw new AccessDeniedException("cross-origin join form");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return Verdict.refused(HttpStatus.CONTENT_TOO_LARGE, JoinForm.EMPTY.withToken(tokens.issue()),
                    "join.error.too-large");
        }
        JoinForm form;
        try {
            form = JoinForm.of(request.getParameter("name"), request.getParameter("email"),
                    request.getParameter("phone"), request.getParameter("country"), request.getParameter("city"),
                    request.getParameter("message"), request.getParameter("consent"), request.getParameter("from"),
                    request.getParameter("token"), request.getParameter("homepage"));
        } catch (IllegalStateException undecodable) {
            // Tomcat's InvalidParameterException (not UTF-8, a broken %-escape): its message quotes what was typed,
            // so it is neither logged nor shown
            return Verdict.refused(HttpStatus.BAD_REQUEST, JoinForm.EMPTY.withToken(tokens.issue()), "error.400.text");
        }
        if (form.oversized()) {
            return Verdict.refused(HttpStatus.CONTENT_TOO_LARGE, form.withoutOversizedValues(), "join.error.too-large");
        }
        if (!limits.allowAddress(ClientAddress.key(request))) {
            return Verdict.refused(HttpStatus.TOO_MANY_REQUESTS, form, "join.error.too-many");
        }
        if (!form.homepage().isEmpty()) {
            log.info("Join form with the honeypot filled in: not stored");
            return Verdict.THANKS;
        }
        FormTokens.Verdict token = tokens.check(form.token(), Instant.now());
        if (token != FormTokens.Verdict.VALID) {
            String notice = token == FormTokens.Verdict.TOO_FAST ? "join.error.too-fast" : "join.error.stale";
            return Verdict.refused(HttpStatus.BAD_REQUEST, form.withToken(tokens.issue()), notice);
        }
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            return new Verdict(Outcome.FORM, HttpStatus.BAD_REQUEST, form, errors, "join.error.summary");
        }
        String emailHash = intake.emailHash(form.normalizedEmail());
        if (!limits.allowEmail(emailHash)) {
            return Verdict.refused(HttpStatus.TOO_MANY_REQUESTS, form, "join.error.too-many");
        }
        return store(form, language, emailHash);
    }

    private Verdict store(JoinForm form, Language language, String emailHash) {
        try {
            if (!intake.receive(form.toRequest(language.code())).stored()) {
                // a retried POST of a form already stored does not count against the email address's limit
                limits.refundEmail(emailHash);
            }
            return Verdict.THANKS;
        } catch (JoinNotStoredException notStored) {
            // the cause is a database or shutdown exception: its type is enough, its message may quote values
            log.warn("Join request not stored ({}): the applicant is asked to send it again",
                    notStored.getCause() == null ? notStored.getMessage() : notStored.getCause().getClass().getSimpleName());
            return new Verdict(Outcome.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, form, Map.of(),
                    "join.error.unavailable");
        }
    }

    /** The fields' errors as message keys, the first per field. */
    private Map<String, String> errors(JoinForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<JoinForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            errors.putIfAbsent(field, "join.error." + field);
        }
        if (!errors.containsKey("country") && !countries.exists(form.country())) {
            errors.put("country", "join.error.country");
        }
        if (!errors.containsKey("email") && disposable.contains(form.email())) {
            errors.put("email", "join.error.email-disposable");
        }
        return errors;
    }
}
