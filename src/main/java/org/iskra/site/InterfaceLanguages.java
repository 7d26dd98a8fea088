package org.iskra.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Which language the interface speaks on a page in a given language. A language an import added may have no message
 * bundle: its articles stay in their language, and the menus, buttons and notes around them fall back to the
 * bundle of its base language ({@code pt} for {@code pt-BR}), else to the site's default language, else English
 * (the base bundle). The page says which is which with {@code lang} and {@code dir}.
 */
@Component
public class InterfaceLanguages {

    private static final String BUNDLE = "messages/messages";

    private final Language fallback;
    private final List<Language> all;
    private final Map<String, Language> chosen = new ConcurrentHashMap<>();

    InterfaceLanguages(IskraProperties properties) {
        Language configuredDefault = new Language(properties.defaultLanguage());
        this.fallback = hasBundle(configuredDefault.code()) ? configuredDefault : new Language("en");
        this.all = bundled();
    }

    /**
     * Every language the interface is written in (one bundle each), by code: what a staff member may choose for the
     * back office, whichever languages the public site publishes.
     */
    public List<Language> all() {
        return all;
    }

    /** The language the interface falls back to: the site's default language if it has a bundle, else English. */
    public Language fallback() {
        return fallback;
    }

    private static List<Language> bundled() {
        List<Language> found = new ArrayList<>(List.of(new Language("en")));
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(InterfaceLanguages.class.getClassLoader())
                    .getResources("classpath*:" + BUNDLE + "_*.properties")) {
                String name = resource.getFilename();
                String code = name.substring("messages_".length(), name.length() - ".properties".length()).replace('_', '-');
                if (found.stream().noneMatch(language -> language.code().equals(code))) {
                    found.add(new Language(code));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Language::code));
        return List.copyOf(found);
    }

    public Language forContentIn(Language content) {
        return chosen.computeIfAbsent(content.code(), code -> {
            if (hasBundle(code)) {
                return content;
            }
            if (!content.base().equals(code) && hasBundle(content.base())) {
                return new Language(content.base());
            }
            return fallback;
        });
    }

    /** English is the base bundle itself; every other language needs a file of its own. */
    static boolean hasBundle(String code) {
        if (code.equals("en")) {
            return true;
        }
        String resource = BUNDLE + "_" + code.replace('-', '_') + ".properties";
        return InterfaceLanguages.class.getClassLoader().getResource(resource) != null;
    }
}
