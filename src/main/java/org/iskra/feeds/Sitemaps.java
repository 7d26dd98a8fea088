package org.iskra.feeds;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.TranslationStamp;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.PageFrames;
import org.springframework.stereotype.Component;

/**
 * What the sitemaps list: per language, its front page and every published translation, each with the same
 * {@code hreflang} alternates its page names. Built from one query over all published translations.
 */
@Component
class Sitemaps {

    /** Well under the protocol's 50 000 URLs and 50 MB per file, even with an alternate in every language. */
    static final int URLS_PER_SITEMAP = 20_000;

    private final ArticleCatalog catalog;
    private final Languages languages;
    private final PageFrames frames;

    Sitemaps(ArticleCatalog catalog, Languages languages, PageFrames frames) {
        this.catalog = catalog;
        this.languages = languages;
        this.frames = frames;
    }

    /** Every language sitemap (the parts of a large one each count), for the sitemap index. */
    List<SitemapWriter.Entry> index() {
        Snapshot snapshot = snapshot();
        List<Language> listed = languages.all().stream()
                .filter(language -> snapshot.publishedLanguages().contains(language.code())).toList();
        if (listed.isEmpty()) {
            listed = List.of(languages.defaultLanguage());
        }
        List<SitemapWriter.Entry> entries = new ArrayList<>();
        for (Language language : listed) {
            List<SitemapUrl> urls = urls(snapshot, language);
            OffsetDateTime lastModified = urls.stream().map(SitemapUrl::lastModified).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            for (int part = 1; part <= partCount(urls); part++) {
                entries.add(new SitemapWriter.Entry(frames.absolute(path(language, part)), lastModified));
            }
        }
        return entries;
    }

    /** One part (1-based) of a language's sitemap; empty past the last part. */
    Optional<List<SitemapUrl>> part(Language language, int part) {
        List<SitemapUrl> urls = urls(snapshot(), language);
        if (part < 1 || part > partCount(urls)) {
            return Optional.empty();
        }
        int from = (part - 1) * URLS_PER_SITEMAP;
        return Optional.of(urls.subList(from, Math.min(urls.size(), from + URLS_PER_SITEMAP)));
    }

    static String path(Language language, int part) {
        return part == 1 ? "/sitemap-" + language.code() + ".xml" : "/sitemap-" + language.code() + "-" + part + ".xml";
    }

    private static int partCount(List<SitemapUrl> urls) {
        return Math.max(1, (urls.size() + URLS_PER_SITEMAP - 1) / URLS_PER_SITEMAP);
    }

    /** The front page first, then each translation in this language; each URL's lastmod is its translation's. */
    private List<SitemapUrl> urls(Snapshot snapshot, Language language) {
        List<SitemapUrl> urls = new ArrayList<>();
        urls.add(frontPage(snapshot, language));
        for (List<TranslationStamp> versions : snapshot.byArticle().values()) {
            for (TranslationStamp stamp : versions) {
                if (stamp.language().equals(language.code())) {
                    urls.add(article(stamp, versions));
                }
            }
        }
        return urls;
    }

    /** Alternates as {@code ListingController} names them: every language with articles, x-default the default's. */
    private SitemapUrl frontPage(Snapshot snapshot, Language language) {
        Map<String, String> versions = new LinkedHashMap<>();
        snapshot.publishedLanguages().forEach(code -> versions.put(code, "/" + code + "/"));
        versions.putIfAbsent(language.code(), "/" + language.code() + "/");
        OffsetDateTime lastModified = snapshot.byArticle().values().stream().flatMap(List::stream)
                .filter(stamp -> stamp.language().equals(language.code()))
                .map(TranslationStamp::updatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        String xDefault = "/" + languages.defaultLanguage().code() + "/";
        return new SitemapUrl(frames.absolute("/" + language.code() + "/"), lastModified,
                frames.alternates(versions, xDefault));
    }

    /** Alternates as {@code ArticlePageController} names them: every version, x-default the original. */
    private SitemapUrl article(TranslationStamp stamp, List<TranslationStamp> versions) {
        Map<String, String> paths = new LinkedHashMap<>();
        versions.forEach(version -> paths.put(version.language(), version.path()));
        String xDefault = versions.stream().filter(TranslationStamp::isOriginal).findFirst()
                .map(TranslationStamp::path).orElse(stamp.path());
        return new SitemapUrl(frames.absolute(stamp.path()), stamp.updatedAt(), frames.alternates(paths, xDefault));
    }

    private record Snapshot(Map<Long, List<TranslationStamp>> byArticle, List<String> publishedLanguages) {
    }

    /** Published translations in the languages this site offers, grouped by article (a page elsewhere is a 404). */
    private Snapshot snapshot() {
        Map<Long, List<TranslationStamp>> byArticle = catalog.allPublished().stream()
                .filter(stamp -> languages.supports(stamp.language()))
                .collect(Collectors.groupingBy(TranslationStamp::articleId, LinkedHashMap::new, Collectors.toList()));
        List<String> published = catalog.publishedLanguages().stream().filter(languages::supports).toList();
        return new Snapshot(byArticle, published);
    }
}
