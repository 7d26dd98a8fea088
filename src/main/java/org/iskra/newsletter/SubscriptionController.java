package org.iskra.newsletter;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.screening.SameOrigin;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The links in a subscriber's mail. Opening a link never changes anything (mail scanners open links before the
 * reader does): confirming and unsubscribing are a button on the page, a POST. The unsubscribe POST is also RFC
 * 8058's one click, sent by the reader's mail provider without a page, a session or a CSRF token: the signed link is
 * the whole authority, and all it can do is end that one subscription, which it answers alike every time.
 */
@Controller
class SubscriptionController {

    private final NewsletterPages pages;
    private final Subscriptions subscriptions;
    private final SignupScreening screening;
    private final IskraProperties site;

    SubscriptionController(NewsletterPages pages, Subscriptions subscriptions, SignupScreening screening, IskraProperties site) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.screening = screening;
        this.site = site;
    }

    @GetMapping("/{lang}/newsletter/confirm/{token}")
    ResponseEntity<byte[]> confirmPage(@PathVariable String lang, @PathVariable String token) {
        Language language = pages.language(lang);
        if (!subscriptions.confirmable(token)) {
            throw new NotFoundException();
        }
        Messages t = pages.messages(language);
        return pages.render(HttpStatus.OK, pages.note(language, "newsletter.confirm.title", "newsletter.confirm.text")
                .withButton("/" + lang + "/newsletter/confirm/" + token, t.get("newsletter.confirm.button")));
    }

    @PostMapping("/{lang}/newsletter/confirm/{token}")
    ResponseEntity<byte[]> confirm(@PathVariable String lang, @PathVariable String token) {
        Language language = pages.language(lang);
        if (subscriptions.confirm(token).isEmpty()) {
            throw new NotFoundException();
        }
        return pages.render(HttpStatus.OK, pages.note(language, "newsletter.confirmed.title", "newsletter.confirmed.text"));
    }

    @GetMapping("/{lang}/newsletter/manage/{token}")
    ResponseEntity<byte[]> manage(@PathVariable String lang, @PathVariable String token) {
        Language language = pages.language(lang);
        Subscriptions.Preferences preferences = subscriptions.preferences(token).orElseThrow(NotFoundException::new);
        return pages.manage(HttpStatus.OK, language, token, preferences.languages(), preferences.regions(), null, null);
    }

    @PostMapping("/{lang}/newsletter/manage/{token}")
    ResponseEntity<byte[]> change(@PathVariable String lang, @PathVariable String token, HttpServletRequest request) {
        Language language = pages.language(lang);
        if (!SameOrigin.check(request, site.baseUrl())) {
            throw new AccessDeniedException("cross-origin change of a subscription");
        }
        Messages t = pages.messages(language);
        Subscriptions.Preferences current = subscriptions.preferences(token).orElseThrow(NotFoundException::new);
        SubscribeForm form = SubscribeForm.of(request);
        List<String> languages = form.languages();
        List<String> regions = form.regions();
        if (!screening.validChoice(languages, regions, language.code())) {
            return pages.manage(HttpStatus.BAD_REQUEST, language, token, current.languages(), current.regions(), null,
                    t.get("newsletter.error.languages"));
        }
        subscriptions.change(token, languages, regions);
        return pages.manage(HttpStatus.OK, language, token, languages, regions, t.get("newsletter.manage.saved"), null);
    }

    @GetMapping("/{lang}/newsletter/unsubscribe/{token}")
    ResponseEntity<byte[]> unsubscribePage(@PathVariable String lang, @PathVariable String token) {
        Language language = pages.language(lang);
        if (subscriptions.preferences(token).isEmpty()) {
            return unsubscribed(language, token);
        }
        Messages t = pages.messages(language);
        return pages.render(HttpStatus.OK, pages.note(language, "newsletter.unsubscribe.title", "newsletter.unsubscribe.text")
                .withButton("/" + lang + "/newsletter/unsubscribe/" + token, t.get("newsletter.unsubscribe.button"))
                .withLink("/" + lang + "/newsletter/manage/" + token, t.get("newsletter.unsubscribe.manage")));
    }

    @PostMapping("/{lang}/newsletter/unsubscribe/{token}")
    ResponseEntity<byte[]> unsubscribe(@PathVariable String lang, @PathVariable String token) {
        Language language = pages.language(lang);
        if (!subscriptions.unsubscribe(token)) {
            throw new NotFoundException();
        }
        return unsubscribed(language, token);
    }

    private ResponseEntity<byte[]> unsubscribed(Language language, String token) {
        if (!subscriptions.validLink(token)) {
            throw new NotFoundException();
        }
        return pages.render(HttpStatus.OK, pages.note(language, "newsletter.unsubscribed.title", "newsletter.unsubscribed.text")
                .withLink("/" + language.code() + "/newsletter", pages.messages(language).get("newsletter.unsubscribed.again")));
    }
}
