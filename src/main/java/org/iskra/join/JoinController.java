package org.iskra.join;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The join form. GET shows it with a fresh signed token; POST hands the submission to {@link JoinScreening} and
 * renders its verdict: the thanks page only once the request is committed, else the form again with what was
 * typed. Responses are never cached: each form carries its own token.
 */
@Controller
class JoinController {

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final FormTokens tokens;
    private final Countries countries;
    private final JoinScreening screening;
    private final JoinIntake intake;

    JoinController(Languages languages, PageFrames frames, PageRenderer renderer, FormTokens tokens, Countries countries,
                   JoinScreening screening, JoinIntake intake) {
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.tokens = tokens;
        this.countries = countries;
        this.screening = screening;
        this.intake = intake;
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
        JoinScreening.Verdict verdict = screening.screen(request, language);
        if (verdict.outcome() == JoinScreening.Outcome.THANKS) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/" + language.code() + "/join/thanks"))
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        Messages t = frames.messages(language);
        Map<String, String> errors = new LinkedHashMap<>();
        verdict.errors().forEach((field, key) -> errors.put(field, t.get(key)));
        ResponseEntity<byte[]> page = formPage(verdict.status(), language, verdict.form(), errors, t.get(verdict.notice()));
        if (verdict.outcome() == JoinScreening.Outcome.UNAVAILABLE) {
            return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "10").body(page.getBody());
        }
        return page;
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

    private Language language(String code) {
        return languages.find(code).orElseThrow(NotFoundException::new);
    }
}
