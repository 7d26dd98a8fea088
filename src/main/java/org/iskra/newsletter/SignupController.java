package org.iskra.newsletter;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.screening.SameOrigin;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subscribing: the form on {@code /{lang}/newsletter} (and in the block under every article, which posts here).
 * Every refusal shows the form again with what was typed; an accepted form, whatever the address's state, leads to
 * the same "check your inbox" page.
 */
@Controller
class SignupController {

    private static final Logger log = LoggerFactory.getLogger(SignupController.class);
    static final long MAX_BODY_BYTES = 20_000;

    private final NewsletterPages pages;
    private final NewsletterFormTokens tokens;
    private final SignupScreening screening;
    private final Subscriptions subscriptions;
    private final IskraProperties site;

    SignupController(NewsletterPages pages, NewsletterFormTokens tokens, SignupScreening screening,
                     Subscriptions subscriptions, IskraProperties site) {
        this.pages = pages;
        this.tokens = tokens;
        this.screening = screening;
        this.subscriptions = subscriptions;
        this.site = site;
    }

    @GetMapping("/{lang}/newsletter")
    ResponseEntity<byte[]> form(@PathVariable String lang, @RequestParam(required = false) String from) {
        Language language = pages.language(lang);
        return pages.signup(HttpStatus.OK, language, SubscribeForm.empty(language.code(), from, tokens.issue()), Map.of(), null);
    }

    @PostMapping("/{lang}/newsletter")
    ResponseEntity<byte[]> subscribe(@PathVariable String lang, HttpServletRequest request) {
        Language language = pages.language(lang);
        Messages t = pages.messages(language);
        if (!SameOrigin.check(request, site.baseUrl())) {
            throw new AccessDeniedException("cross-origin subscription form");
        }
        SubscribeForm fresh = SubscribeForm.empty(language.code(), null, tokens.issue());
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return pages.signup(HttpStatus.CONTENT_TOO_LARGE, language, fresh, Map.of(), t.get("newsletter.error.too-large"));
        }
        SubscribeForm form;
        try {
            form = SubscribeForm.of(request);
        } catch (IllegalStateException undecodable) {
            // Tomcat's message quotes what was typed: neither logged nor shown
            return pages.signup(HttpStatus.BAD_REQUEST, language, fresh, Map.of(), t.get("error.400.text"));
        }
        if (form.oversized()) {
            return pages.signup(HttpStatus.CONTENT_TOO_LARGE, language, form.withoutEmail(), Map.of(),
                    t.get("newsletter.error.too-large"));
        }
        if (form.token() == null || form.token().isBlank()) {
            // from the block under an article, which carries no token: the full form, filled in, to confirm
            return pages.signup(HttpStatus.OK, language, form.withToken(tokens.issue()), Map.of(), t.get("newsletter.block.confirm"));
        }
        SignupScreening.Screened screened = screening.screen(request.getRemoteAddr(), form, t);
        switch (screened.verdict()) {
            case HONEYPOT:
                log.info("Subscription form with the honeypot filled in: not stored");
                return checkYourInbox(language);
            case TOO_MANY:
                return pages.signup(HttpStatus.TOO_MANY_REQUESTS, language, form, Map.of(), t.get("newsletter.error.too-many"));
            case TOO_FAST:
                return pages.signup(HttpStatus.BAD_REQUEST, language, form.withToken(tokens.issue()), Map.of(),
                        t.get("newsletter.error.too-fast"));
            case STALE:
                return pages.signup(HttpStatus.BAD_REQUEST, language, form.withToken(tokens.issue()), Map.of(),
                        t.get("newsletter.error.stale"));
            case INVALID:
                return pages.signup(HttpStatus.BAD_REQUEST, language, form, screened.errors(), t.get("newsletter.error.summary"));
            default:
                break;
        }
        try {
            subscriptions.subscribe(form.toChoice(language.code()));
        } catch (DataIntegrityViolationException raced) {
            // the same new address in two requests at once: the other one stored it, this one now finds it
            subscriptions.subscribe(form.toChoice(language.code()));
        }
        return checkYourInbox(language);
    }

    @GetMapping("/{lang}/newsletter/thanks")
    ResponseEntity<byte[]> thanks(@PathVariable String lang) {
        return pages.render(HttpStatus.OK, pages.note(pages.language(lang), "newsletter.thanks.title", "newsletter.thanks.text"));
    }

    private static ResponseEntity<byte[]> checkYourInbox(Language language) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/" + language.code() + "/newsletter/thanks"))
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
