package org.iskra.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Hugo site's configuration says about its content, or what can be assumed of a content folder alone.
 *
 * @param root            the site root (where static/ and assets/ are), or the content folder when there is no site
 * @param contentRoot     the content folder of languages without a contentDir of their own
 * @param defaultLanguage the key of {@code defaultContentLanguage}, as the site writes it ({@code en}, {@code zh-cn})
 * @param defaultInSubdir {@code defaultContentLanguageInSubdir}: the default language's pages live under /en/ too
 * @param languages       the configured languages by key, in weight order; empty for a content folder alone
 * @param permalinks      URL patterns by section ({@code posts → /:year/:month/:slug/})
 * @param configFile      the configuration read, for the summary; null for a content folder alone
 */
record HugoSite(Path root, Path contentRoot, String defaultLanguage, boolean defaultInSubdir,
                Map<String, HugoLanguage> languages, Map<String, String> permalinks, String configFile) {

    /** One configured language: its key, where its content lives when not in the shared folder, its weight. */
    record HugoLanguage(String key, Path contentDir, int weight) {
    }

    boolean multilingual() {
        return languages.size() > 1;
    }

    Optional<HugoLanguage> language(String key) {
        return languages.values().stream().filter(language -> language.key().equalsIgnoreCase(key)).findFirst();
    }

    List<HugoLanguage> withContentDir() {
        return languages.values().stream().filter(language -> language.contentDir() != null).toList();
    }

    /** The URL prefix of a language's pages: none for the default language unless it lives in a subdirectory. */
    String urlPrefix(String languageKey, boolean multilingualContent) {
        boolean several = multilingual() || multilingualContent;
        if (!several || (languageKey.equalsIgnoreCase(defaultLanguage) && !defaultInSubdir)) {
            return "";
        }
        return "/" + languageKey.toLowerCase(java.util.Locale.ROOT);
    }
}
