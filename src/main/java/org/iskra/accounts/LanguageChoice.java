package org.iskra.accounts;

import java.util.List;

import org.iskra.site.Language;

/**
 * The account page's form for the back office's language: the stored choice (or null: the browser's applies, and
 * which one that is) and the interface languages, each named in itself.
 */
public record LanguageChoice(String chosen, Language browsers, List<Option> options) {

    /** One interface language, named in itself and marked with its own {@code lang} and {@code dir}. */
    public record Option(String code, String nativeName, String dir, boolean selected) {
    }

    public LanguageChoice {
        options = List.copyOf(options);
    }
}
