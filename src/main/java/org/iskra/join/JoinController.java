package org.iskra.join;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.iskra.screening.DisposableDomains;
import org.iskra.screening.SameOrigin;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The join form. GET shows it with a fresh signed token; POST checks, in this order, the origin, the size, the
 * client's rate, the honeypot, the token, the fields and the email's rate, then stores the request and redirects
 * to the thanks page only once it is committed. Every refusal shows the form again with what was typed.
 * Responses are never cached: each form carries its own token.
 */
@Controller
class JoinController {

    private static final Logger log = LoggerFactory.getLogger(JoinController.class);
    /** The largest form body read: every field at its maximum, each character percent-encoded, fits. */
    static final long MAX_BODY_BYTES = 100_000;

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final FormTokens tokens;
    private final Countries countries;
    private final DisposableDomains disposable;
    private final JoinRateLimits limits;
    private final JoinIntake intake;
    private final Validator validator;
    private final IskraProperties site;

    JoinController(Languages languages, PageFrames frames, PageRenderer renderer, FormTokens tokens, Countries countries,
                   DisposableDomains disposable, JoinRateLimits limits, JoinIntake intake, Validator validator,
                   IskraProperties site) {
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.tokens = tokens;
        this.countries = countries;
        this.disposable = disposable;
        this.limits = limits;
        this.intake = intake;
        this.validator = validator;
        this.site = site;
    }

    @GetMapping("/{lang}/join")
    ResponseEntity<byte[]> form(@PathVariable String lang, @RequestParam(required = false) String from) {
        Language language = language(lang);
        JoinForm empty = JoinForm.of(null, null, null, null, null, null, null, from, tokens.issue(), null);
        return formPage(HttpStatus.OK, language, empty, Map.of(), null);
    }

    @PostMapping("/{lang}/join")
    ResponseEntity<byte[]> submit(@PathVariable String lang, HttpServletRequest request) {
        Language language = language(lang);
        Messages t = frames.messages(language);
        if (!SameOrigin.check(request, site.baseUrl())) {
            throw new AccessDeniedException("cross-origin join form");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return formPage(HttpStatus.CONTENT_TOO_LARGE, language, JoinForm.EMPTY.withToken(tokens.issue()), Map.of(),
                    t.get("join.error.too-large"));
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
            return formPage(HttpStatus.BAD_REQUEST, language, JoinForm.EMPTY.withToken(tokens.issue()), Map.of(),
                    t.get("error.400.text"));
        }
        if (form.oversized()) {
            return formPage(HttpStatus.CONTENT_TOO_LARGE, language, form.withoutOversizedValues(), Map.of(),
                    t.get("join.error.too-large"));
        }
        if (!limits.allowAddress(org.iskra.site.ClientAddress.key(request))) {
            return formPage(HttpStatus.TOO_MANY_REQUESTS, language, form, Map.of(), t.get("join.error.too-many"));
        }
        if (!form.homepage().isEmpty()) {
            log.info("Join form with the honeypot filled in: not stored");
            return thanksRedirect(language);
        }
        FormTokens.Verdict verdict = tokens.check(form.token(), Instant.now());
        if (verdict != FormTokens.Verdict.VALID) {
            String notice = verdict == FormTokens.Verdict.TOO_FAST ? "join.error.too-fast" : "join.error.stale";
            return formPage(HttpStatus.BAD_REQUEST, language, form.withToken(tokens.issue()), Map.of(), t.get(notice));
        }
        Map<String, String> errors = validate(form, t);
        if (!errors.isEmpty()) {
            return formPage(HttpStatus.BAD_REQUEST, language, form, errors, t.get("join.error.summary"));
        }
        String emailHash = intake.emailHash(form.normalizedEmail());
        if (!limits.allowEmail(emailHash)) {
            return formPage(HttpStatus.TOO_MANY_REQUESTS, language, form, Map.of(), t.get("join.error.too-many"));
        }
        try {
            if (!intake.receive(form.toRequest(language.code())).stored()) {
                // a retried POST of a form already stored does not count against the email address's limit
                limits.refundEmail(emailHash);
            }
        } catch (JoinNotStoredException notStored) {
            // the cause is a database or shutdown exception: its type is enough, its message may quote values
            log.warn("Join request not stored ({}): the applicant is asked to send it again",
                    notStored.getCause() == null ? notStored.getMessage() : notStored.getCause().getClass().getSimpleName());
            ResponseEntity<byte[]> page = formPage(HttpStatus.SERVICE_UNAVAILABLE, language, form, Map.of(),
                    t.get("join.error.unavailable"));
            return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "10").body(page.getBody());
        }
        return thanksRedirect(language);
    }

    @GetMapping("/{lang}/join/thanks")
    ResponseEntity<byte[]> thanks(@PathVariable String lang) {
        Language language = language(lang);
        Messages t = frames.messages(language);
        return note(language, t.get("join.thanks.title"), t.get("join.thanks.text"));
    }

    @GetMapping("/{lang}/join/confirm")
    ResponseEntity<byte[]> confirm(@PathVariable String lang, @RequestParam(required = false) String token) {
        Language language = language(lang);
        if (!intake.confirm(token)) {
            throw new NotFoundException();
        }
        Messages t = frames.messages(language);
        return note(language, t.get("join.confirmed.title"), t.get("join.confirmed.text"));
    }

    private Map<String, String> validate(JoinForm form, Messages t) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<JoinForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            errors.putIfAbsent(field, t.get("join.error." + field));
        }
        if (!errors.containsKey("country") && !countries.exists(form.country())) {
            errors.put("country", t.get("join.error.country"));
        }
        if (!errors.containsKey("email") && disposable.contains(form.email())) {
            errors.put("email", t.get("join.error.email-disposable"));
        }
        return errors;
    }

    private ResponseEntity<byte[]> formPage(HttpStatus status, Language language, JoinForm form, Map<String, String> errors,
                                            String notice) {
        Messages t = frames.messages(language);
        Map<String, String> versions = new LinkedHashMap<>();
        languages.all().forEach(other -> versions.put(other.code(), "/" + other.code() + "/join"));
        String path = "/" + language.code() + "/join";
        PageFrame frame = frames.frame(language, t.get("join.title"), t.get("join.intro"), path, versions,
                "/" + languages.defaultLanguage().code() + "/join");
        String suggestedCode = countries.suggested(language);
        CountryOption suggested = suggestedCode == null ? null
                : new CountryOption(suggestedCode, countries.name(suggestedCode, language));
        JoinFormPage page = new JoinFormPage(frame, path, form, errors, notice, countries.all(language), suggested);
        return renderer.privatePage(status, "join/form.jte", page, language);
    }

    private ResponseEntity<byte[]> note(Language language, String heading, String text) {
        JoinNotePage page = new JoinNotePage(frames.errorFrame(language, heading), heading, text);
        return renderer.privatePage(HttpStatus.OK, "join/note.jte", page, language);
    }

    private static ResponseEntity<byte[]> thanksRedirect(Language language) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/" + language.code() + "/join/thanks"))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    private Language language(String code) {
        return languages.find(code).orElseThrow(NotFoundException::new);
    }
}
