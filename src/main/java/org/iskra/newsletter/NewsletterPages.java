package org.iskra.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders the newsletter's public pages. None is cached: the form carries its own token, the others answer one
 * reader's link.
 */
@Component
class NewsletterPages {

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final SignupOptions options;

    NewsletterPages(Languages languages, PageFrames frames, PageRenderer renderer, SignupOptions options) {
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.options = options;
    }

    Language language(String code) {
        return languages.find(code).orElseThrow(NotFoundException::new);
    }

    Messages messages(Language language) {
        return frames.messages(language);
    }

    ResponseEntity<byte[]> signup(HttpStatus status, Language language, SubscribeForm form, Map<String, String> errors,
                                  String notice) {
        Messages t = frames.messages(language);
        Map<String, String> versions = new LinkedHashMap<>();
        languages.all().forEach(other -> versions.put(other.code(), "/" + other.code() + "/newsletter"));
        String path = "/" + language.code() + "/newsletter";
        PageFrame frame = frames.frame(language, t.get("newsletter.title"), t.get("newsletter.intro"), path, versions,
                "/" + languages.defaultLanguage().code() + "/newsletter");
        SignupPage page = new SignupPage(frame, path, form, errors, notice, options.languages(form.languages()),
                options.regions(language, form.regions()));
        return renderer.privatePage(status, "newsletter/signup.jte", page, language);
    }

    /** A page that search engines need not keep, with a heading and a text, to which a button or link may be added. */
    NotePage note(Language language, String headingKey, String textKey) {
        Messages t = frames.messages(language);
        return NotePage.text(frames.errorFrame(language, t.get(headingKey)), t.get(headingKey), t.get(textKey));
    }

    ResponseEntity<byte[]> render(HttpStatus status, NotePage page) {
        return renderer.privatePage(status, "newsletter/note.jte", page, page.frame().language());
    }

    ResponseEntity<byte[]> manage(HttpStatus status, Language language, String token, List<String> chosenLanguages,
                                  List<String> regions, String notice, String error) {
        Messages t = frames.messages(language);
        String base = "/" + language.code() + "/newsletter/";
        ManagePage page = new ManagePage(frames.errorFrame(language, t.get("newsletter.manage.title")),
                base + "manage/" + token, base + "unsubscribe/" + token, options.languages(chosenLanguages),
                options.regions(language, regions), notice, error);
        return renderer.privatePage(status, "newsletter/manage.jte", page, language);
    }
}
