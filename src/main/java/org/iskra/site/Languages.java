package org.iskra.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The languages this site publishes in, and how a reader's request picks one: those {@code ISKRA_LANGUAGES} names,
 * then those an import added ({@code site_language}), which every node reads again every change-poll interval.
 */
@Component
public class Languages {

    private static final Logger log = LoggerFactory.getLogger(Languages.class);

    private final List<Language> configured;
    private final Language defaultLanguage;
    private final SiteLanguageStore store;
    private final ObjectProvider<PageCache> pageCache;
    private final ObjectProvider<BackOfficeLanguage> backOffice;
    private volatile List<Language> all;

    Languages(IskraProperties properties, SiteLanguageStore store, ObjectProvider<PageCache> pageCache,
              ObjectProvider<BackOfficeLanguage> backOffice) {
        this.backOffice = backOffice;
        this.configured = properties.languages().stream().map(Language::new).toList();
        this.defaultLanguage = new Language(properties.defaultLanguage());
        this.store = store;
        this.pageCache = pageCache;
        this.all = combined(store.codes());
    }

    public List<Language> all() {
        return all;
    }

    public Language defaultLanguage() {
        return defaultLanguage;
    }

    /** The language with this code; case does not matter, as in BCP 47 ({@code zh-cn} is {@code zh-CN}). */
    public Optional<Language> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : all) {
            if (language.code().equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public boolean supports(String code) {
        return find(code).isPresent();
    }

    /** Whether {@code ISKRA_LANGUAGES} names it, rather than an import having added it. */
    public boolean configured(String code) {
        return configured.stream().anyMatch(language -> language.code().equalsIgnoreCase(code));
    }

    /**
     * Adds languages to the site (codes already in BCP 47 form). Every node serves them within a change-poll
     * interval; this one at once.
     *
     * @return the codes that were new
     */
    @Transactional
    public List<String> add(Collection<String> codes, String addedBy) {
        List<String> added = new ArrayList<>();
        for (String code : codes) {
            if (!supports(code) && store.add(code, addedBy)) {
                added.add(code);
            }
        }
        if (!added.isEmpty()) {
            refresh();
        }
        return added;
    }

    /**
     * Removes a language an import added ({@code ISKRA_LANGUAGES} is changed where it is set). Every node stops
     * serving it within a change-poll interval; this one at once. What was written in it stays in the database.
     *
     * @return whether it was an added language
     */
    @Transactional
    public boolean remove(Language language) {
        if (configured(language.code()) || !store.remove(language.code())) {
            return false;
        }
        refresh();
        return true;
    }

    /** Reads the added languages again; a change empties the page cache, whose pages list the languages. */
    @Scheduled(fixedDelayString = "${iskra.change-poll-interval:1s}", initialDelayString = "${iskra.change-poll-interval:1s}")
    void refresh() {
        List<Language> now;
        try {
            now = combined(store.codes());
        } catch (RuntimeException e) {
            log.debug("Could not read the site's added languages", e);
            return;
        }
        if (!now.equals(all)) {
            all = now;
            log.info("Languages now {}", now.stream().map(Language::code).toList());
            PageCache cache = pageCache.getIfAvailable();
            if (cache != null) {
                cache.clear();
            }
        }
    }

    private List<Language> combined(List<String> added) {
        List<Language> languages = new ArrayList<>(configured);
        for (String code : added) {
            if (languages.stream().noneMatch(language -> language.code().equalsIgnoreCase(code))) {
                languages.add(new Language(code));
            }
        }
        return List.copyOf(languages);
    }

    /**
     * A reader's language where no address names one: their remembered choice, else their browser's. In the back
     * office, the staff member's own interface language instead ({@link BackOfficeLanguage}), so that every
     * back-office page and its errors speak it without each controller asking.
     */
    public Language preferredBy(jakarta.servlet.http.HttpServletRequest request) {
        if (BackOfficeLanguage.appliesTo(request)) {
            BackOfficeLanguage staffLanguage = backOffice.getIfAvailable();
            if (staffLanguage != null) {
                return staffLanguage.of(request);
            }
        }
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
     * a regional variant falls back to its language ({@code pt-BR} → {@code pt}), a bare language finds a regional
     * one the site has ({@code zh} → {@code zh-CN}), anything malformed counts as absent.
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
            Optional<Language> regional = all.stream()
                    .filter(language -> language.code().toLowerCase(Locale.ROOT).startsWith(tag + "-")).findFirst();
            if (regional.isPresent()) {
                return regional.get();
            }
        }
        return defaultLanguage;
    }
}
