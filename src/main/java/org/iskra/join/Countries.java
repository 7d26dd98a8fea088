package org.iskra.join;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.iskra.site.Language;
import org.springframework.stereotype.Component;

/** Every ISO 3166 country, named in the reader's language and sorted the way that language sorts. */
@Component
class Countries {

    private static final Set<String> CODES = Set.of(java.util.Locale.getISOCountries());

    private final Map<String, List<CountryOption>> byLanguage = new ConcurrentHashMap<>();
    // ICU looks a display name up in its resource bundles each time; every join request names its country
    private final Map<String, String> names = new ConcurrentHashMap<>();

    boolean exists(String code) {
        return code != null && CODES.contains(code);
    }

    List<CountryOption> all(Language language) {
        return byLanguage.computeIfAbsent(language.code(), code -> {
            ULocale locale = language.uLocale();
            List<CountryOption> countries = new ArrayList<>();
            for (String country : CODES) {
                countries.add(new CountryOption(country, name(country, language)));
            }
            Collator collator = Collator.getInstance(locale);
            countries.sort((a, b) -> collator.compare(a.name(), b.name()));
            return List.copyOf(countries);
        });
    }

    String name(String code, Language language) {
        if (!exists(code)) {
            return displayName(code, language);
        }
        return names.computeIfAbsent(language.code() + ":" + code, key -> displayName(code, language));
    }

    private static String displayName(String code, Language language) {
        String name = new ULocale("", code).getDisplayCountry(language.uLocale());
        return name.isEmpty() ? code : name;
    }

    /**
     * The country a reader of this language most likely lives in (ru → Russia), offered first and labelled as a
     * suggestion, never preselected: a Russian reader may well live in Latvia.
     */
    String suggested(Language language) {
        String country = ULocale.addLikelySubtags(language.uLocale()).getCountry();
        return exists(country) ? country : null;
    }

    static List<String> codes() {
        return Arrays.stream(java.util.Locale.getISOCountries()).sorted().toList();
    }
}
