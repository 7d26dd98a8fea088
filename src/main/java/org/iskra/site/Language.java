package org.iskra.site;

import java.util.Locale;
import java.util.Set;

import com.ibm.icu.util.ULocale;

/** A language the site publishes in: its code, its own name and its writing direction. */
public record Language(String code) {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "ur", "he", "ps", "sd", "ug", "yi", "ckb", "dv");

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public ULocale uLocale() {
        return ULocale.forLanguageTag(code);
    }

    public boolean rightToLeft() {
        return RIGHT_TO_LEFT.contains(code);
    }

    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /** The language's name in itself ("Русский"), capitalised as a menu item. */
    public String nativeName() {
        ULocale locale = uLocale();
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale.toLocale()) + name.substring(1);
    }

    /** The locale Open Graph expects, language and likeliest country ({@code ru_RU}, {@code fa_IR}). */
    public String openGraphLocale() {
        ULocale likely = ULocale.addLikelySubtags(uLocale());
        return likely.getCountry().isEmpty() ? likely.getLanguage() : likely.getLanguage() + "_" + likely.getCountry();
    }

    /** The language's name in another language ("Russian" for English readers). */
    public String nameIn(Language reader) {
        String name = uLocale().getDisplayLanguage(reader.uLocale());
        return name.isEmpty() ? code : name;
    }
}
