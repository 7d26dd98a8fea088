package org.iskra.site;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.ibm.icu.util.ULocale;

/**
 * Language codes as other systems write them ({@code zh-cn}, {@code pt_BR}, {@code EN}) in their BCP 47 form
 * ({@code zh-CN}, {@code pt-BR}, {@code en}), and whether a code names a language at all: a Hugo section called
 * {@code posts} or a WordPress slug {@code xx} must not become a language.
 */
public final class LanguageTags {

    /** Longer codes do not fit the database's language columns. */
    public static final int MAX_LENGTH = 16;

    private static final Set<String> ISO_LANGUAGES = Set.of(ULocale.getISOLanguages());
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private LanguageTags() {
    }

    /** The canonical tag for {@code code}, or empty when it is no language ICU knows. */
    public static Optional<String> normalize(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String candidate = code.strip().replace('_', '-');
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH || !candidate.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            return Optional.empty();
        }
        ULocale locale = ULocale.forLanguageTag(candidate);
        String language = locale.getLanguage();
        if (language.isEmpty() || !(ISO_LANGUAGES.contains(language) || knownThreeLetter(language))) {
            return Optional.empty();
        }
        String country = locale.getCountry();
        if (!country.isEmpty() && !ISO_COUNTRIES.contains(country) && !country.matches("\\d{3}")) {
            return Optional.empty();
        }
        String tag = new ULocale.Builder().setLanguage(language).setScript(locale.getScript())
                .setRegion(country).build().toLanguageTag();
        return Optional.of(tag);
    }

    /** Three-letter codes ICU has a name for ({@code ckb}), which the two-letter ISO list leaves out. */
    private static boolean knownThreeLetter(String language) {
        if (language.length() != 3) {
            return false;
        }
        String name = new ULocale(language).getDisplayLanguage(ULocale.ENGLISH);
        return !name.isEmpty() && !name.equalsIgnoreCase(language);
    }
}
