package org.iskra.newsletter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.iskra.screening.DisposableDomains;
import org.iskra.screening.FormTokens;
import org.iskra.screening.RateLimit;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.stereotype.Component;

/**
 * The join form's defences for the subscription form, in the same order: the client's rate, the honeypot, the
 * signed token (minimum fill time, lifetime), the fields (throwaway domains refused) and the address's rate.
 */
@Component
class SignupScreening {

    enum Verdict { ACCEPTED, TOO_MANY, HONEYPOT, TOO_FAST, STALE, INVALID }

    /** The verdict, and for {@link Verdict#INVALID} a message per field in the reader's language. */
    record Screened(Verdict verdict, Map<String, String> errors) {
    }

    private final NewsletterFormTokens tokens;
    private final DisposableDomains disposable;
    private final Validator validator;
    private final Languages languages;
    private final Taxonomy taxonomy;
    private final Subscriptions subscriptions;
    private final RateLimit byAddress;
    private final RateLimit byEmail;

    SignupScreening(NewsletterFormTokens tokens, DisposableDomains disposable, Validator validator, Languages languages,
                    Taxonomy taxonomy, Subscriptions subscriptions, NewsletterProperties properties) {
        this.tokens = tokens;
        this.disposable = disposable;
        this.validator = validator;
        this.languages = languages;
        this.taxonomy = taxonomy;
        this.subscriptions = subscriptions;
        this.byAddress = new RateLimit(properties.perAddress(), properties.addressPeriod());
        this.byEmail = new RateLimit(properties.perEmail(), properties.emailPeriod());
    }

    Screened screen(String clientAddress, SubscribeForm form, Messages t) {
        if (!byAddress.allow(clientAddress)) {
            return new Screened(Verdict.TOO_MANY, Map.of());
        }
        if (!form.homepage().isEmpty()) {
            return new Screened(Verdict.HONEYPOT, Map.of());
        }
        FormTokens.Verdict token = tokens.check(form.token(), Instant.now());
        if (token != FormTokens.Verdict.VALID) {
            return new Screened(token == FormTokens.Verdict.TOO_FAST ? Verdict.TOO_FAST : Verdict.STALE, Map.of());
        }
        Map<String, String> errors = validate(form, t);
        if (!errors.isEmpty()) {
            return new Screened(Verdict.INVALID, errors);
        }
        if (!byEmail.allow(subscriptions.emailHash(form.email()))) {
            return new Screened(Verdict.TOO_MANY, Map.of());
        }
        return new Screened(Verdict.ACCEPTED, Map.of());
    }

    private Map<String, String> validate(SubscribeForm form, Messages t) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<SubscribeForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            errors.putIfAbsent(field, t.get("newsletter.error." + field));
        }
        if (!errors.containsKey("email") && disposable.contains(form.email())) {
            errors.put("email", t.get("newsletter.error.email-disposable"));
        }
        if (!errors.containsKey("languages") && !form.languages().stream().allMatch(languages::supports)) {
            errors.put("languages", t.get("newsletter.error.languages"));
        }
        if (!errors.containsKey("regions") && !regionSlugs(t.language().code()).containsAll(form.regions())) {
            errors.put("regions", t.get("newsletter.error.regions"));
        }
        return errors;
    }

    /** Whether a subscriber's new choice holds: at least one language the site publishes in, known regions only. */
    boolean validChoice(List<String> chosenLanguages, List<String> regions, String readerLanguage) {
        return !chosenLanguages.isEmpty() && chosenLanguages.size() <= 50 && chosenLanguages.stream().allMatch(languages::supports)
                && regions.size() <= 200 && regionSlugs(readerLanguage).containsAll(regions);
    }

    private Set<String> regionSlugs(String language) {
        List<Term> regions = taxonomy.regions(language);
        return regions.stream().map(Term::slug).collect(Collectors.toSet());
    }
}
