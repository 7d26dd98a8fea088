package org.iskra.site;

/**
 * Who reads the page a request asks for, as a handler needs it: their language (remembered choice, else browser),
 * its interface text and the CSRF field of the page's forms. A handler declares a {@code Reader} parameter and gets
 * it from {@link PageArguments}, instead of asking {@link Languages} and {@link PageFrames} itself each time.
 *
 * <p>Public pages under {@code /{lang}/} take their language from the address instead, and have no CSRF field.
 */
public final class Reader {

    private final Language language;
    private final Messages t;
    private final CsrfField csrf;
    private final PageFrames frames;

    Reader(Language language, Messages t, CsrfField csrf, PageFrames frames) {
        this.language = language;
        this.t = t;
        this.csrf = csrf;
        this.frames = frames;
    }

    public Language language() {
        return language;
    }

    /** Interface text in the reader's language. */
    public Messages t() {
        return t;
    }

    /** The request's CSRF field, or null where Spring Security made none. */
    public CsrfField csrf() {
        return csrf;
    }

    /** The frame of a back-office page titled by this message key, carrying the messages and the CSRF field. */
    public PageFrame backOfficeFrame(String titleKey) {
        return frames.backOfficeFrame(language, t.get(titleKey)).withCsrf(csrf);
    }
}
