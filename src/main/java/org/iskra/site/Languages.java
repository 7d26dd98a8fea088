package org.iskra.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The languages this site publishes in, from configuration, and how a reader's request picks one. */
@Component
public class Languages {

    private final List<Language> all;
    private final Language defaultLanguage;

    public Languages(IskraProperties properties) {
        this.all = properties.languages().stream().map(Language::new).toList();
        this.defaultLanguage = new Language(properties.defaultLanguage());
    }

    public List<Language> all() {
        return all;
    }

    public Language defaultLanguage() {
        return defaultLanguage;
    }

    public Optional<Language> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return all.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public boolean supports(String code) {
        return find(code).isPresent();
    }

    /** A reader's language where no address names one: their remembered choice, else their browser's. */
    public Language preferredBy(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie cookie : cookies) {
                if (LanguageChoice.COOKIE.equals(cookie.getName())) {
                    Optional<Language> chosen = find(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        return negotiate(request.getHeader("Accept-Language"));
    }

    /**
     * The best supported language for an {@code Accept-Language} header: quality values are honoured,
     * a regional variant falls back to its language ({@code pt-BR} → {@code pt}), anything malformed
     * counts as absent.
     */
    public Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return defaultLanguage;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return defaultLanguage;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            Optional<Language> exact = find(tag);
            if (exact.isPresent()) {
                return exact.get();
            }
            int dash = tag.indexOf('-');
            if (dash > 0) {
                Optional<Language> base = find(tag.substring(0, dash));
                if (base.isPresent()) {
                    return base.get();
                }
            }
        }
        return defaultLanguage;
    }
}
