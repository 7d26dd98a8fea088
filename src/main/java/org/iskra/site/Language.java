package org.iskra.site;

import java.util.Locale;

import com.ibm.icu.util.ULocale;

/**
 * A language the site publishes in: its code (a BCP 47 tag such as {@code ru} or {@code zh-CN}), its own name and its
 * writing direction. Names and directions come from ICU's CLDR data, so a language added by an import needs no list
 * of ours.
 */
public record Language(String code) {

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public ULocale uLocale() {
        return ULocale.forLanguageTag(code);
    }

    /** From the language's likeliest script: Hebrew, Arabic, Thaana … are written right to left. */
    public boolean rightToLeft() {
        return uLocale().isRightToLeft();
    }

    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /**
     * The language's name in itself ("Русский"), capitalised as a menu item. A tag with a region or script is named
     * with it ("中文 (台灣)"), since two such languages would otherwise look alike in the menu.
     */
    public String nativeName() {
        ULocale locale = uLocale();
        String name = hasSubtags() ? locale.getDisplayName(locale) : locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale.toLocale()) + name.substring(1);
    }

    /** The locale Open Graph expects, language and likeliest country ({@code ru_RU}, {@code fa_IR}). */
    public String openGraphLocale() {
        ULocale likely = ULocale.addLikelySubtags(uLocale());
        return likely.getCountry().isEmpty() ? likely.getLanguage() : likely.getLanguage() + "_" + likely.getCountry();
    }

    /** The language's name in another language ("Russian" for English readers). */
    public String nameIn(Language reader) {
        String name = hasSubtags() ? uLocale().getDisplayName(reader.uLocale()) : uLocale().getDisplayLanguage(reader.uLocale());
        return name.isEmpty() ? code : name;
    }

    /** The primary language subtag: {@code zh} for {@code zh-CN}. */
    public String base() {
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }

    private boolean hasSubtags() {
        return code.indexOf('-') > 0;
    }
}
