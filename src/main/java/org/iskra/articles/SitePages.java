package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.PageCache;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.stereotype.Component;

/**
 * The public article and listing pages as bytes, rendered once for the live controllers and for the static mirror,
 * so that both show the same page from the same template and model. Empty means the page does not exist (a 404).
 */
@Component
public class SitePages {

    /** A rendered page: what the live site needs besides the bytes (caching) comes with it. */
    public record Rendered(byte[] html, OffsetDateTime lastModified, Set<String> cacheTags, long articleId) {
    }

    private final Languages languages;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final ArticleMetadata metadata;
    private final FrontPages frontPages;
    private final List<ArticleFooterBlock> footerBlocks;
    private final int pageSize;

    SitePages(Languages languages, ArticleCatalog catalog, Taxonomy taxonomy, PageFrames frames, PageRenderer renderer,
              ArticleMetadata metadata, FrontPages frontPages, List<ArticleFooterBlock> footerBlocks,
              IskraProperties properties) {
        this.languages = languages;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.frames = frames;
        this.renderer = renderer;
        this.metadata = metadata;
        this.frontPages = frontPages;
        this.footerBlocks = footerBlocks;
        this.pageSize = properties.pageSize();
    }

    /** @param staticCopy for a copy no server answers (the mirror): footer blocks link instead of posting */
    public Optional<Rendered> article(Language language, String slug, boolean staticCopy) {
        Optional<PublishedArticle> found = catalog.published(language.code(), slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublishedArticle article = found.get();
        Map<String, String> versions = new LinkedHashMap<>();
        article.versions().forEach(v -> versions.put(v.language(), v.path()));
        String xDefault = article.original().map(ArticleVersion::path).orElse(article.path());
        PageFrame frame = metadata.describe(
                frames.frame(language, article.title(), article.standfirst(), article.path(), versions, xDefault), article);
        List<String> blocks = footerBlocks.stream().map(block -> block.html(article, frame.t(), staticCopy)).toList();
        ArticlePage page = new ArticlePage(frame, article, taxonomy.termsOf(article.articleId(), language.code()), blocks);
        return Optional.of(new Rendered(renderer.render("articles/article.jte", page), article.updatedAt(),
                Set.of(PageCache.articleTag(article.articleId())), article.articleId()));
    }

    /** One page (1-based) of a listing: the front page, a region, a tag or a country (by its lower-case ISO code). */
    public Optional<Rendered> listing(Language language, ArticleListing listing, int page) {
        String key = listing.key();
        String heading;
        String feedName = null;
        Function<String, String> pathIn;
        switch (listing.kind()) {
            case LATEST -> {
                heading = frames.messages(language).get("site.name");
                pathIn = code -> "/" + code + "/";
            }
            case REGION -> {
                Optional<Term> region = taxonomy.region(key, language.code());
                if (region.isEmpty()) {
                    return Optional.empty();
                }
                feedName = region.get().name();
                heading = frames.messages(language).get("listing.region", feedName);
                pathIn = code -> "/" + code + "/regions/" + key;
            }
            case TAG -> {
                Optional<Term> tag = taxonomy.tag(key, language.code());
                if (tag.isEmpty()) {
                    return Optional.empty();
                }
                feedName = tag.get().name();
                heading = frames.messages(language).get("listing.tag", feedName);
                pathIn = code -> "/" + code + "/tags/" + key;
            }
            default -> {
                // the listing holds the ISO code in capitals, the address in small letters
                String code = key.toLowerCase(java.util.Locale.ROOT);
                Optional<Term> country = code.matches("[a-z]{2}") ? taxonomy.country(code, language.code()) : Optional.empty();
                if (country.isEmpty()) {
                    return Optional.empty();
                }
                feedName = country.get().name();
                heading = frames.messages(language).get("listing.country", feedName);
                pathIn = other -> "/" + other + "/countries/" + code;
            }
        }
        ArticleList list = catalog.list(listing, language.code(), page, pageSize);
        if (page < 1 || page > list.pageCount()) {
            return Optional.empty();
        }
        Map<String, String> versions = new LinkedHashMap<>();
        catalog.publishedLanguages().stream().filter(languages::supports)
                .forEach(code -> versions.put(code, pathIn.apply(code)));
        versions.putIfAbsent(language.code(), pathIn.apply(language.code()));
        String basePath = pathIn.apply(language.code());
        String path = page == 1 ? basePath : basePath + "?page=" + page;
        PageFrame frame = frames.frame(language, heading, frames.messages(language).get("site.tagline"), path, versions,
                pathIn.apply(languages.defaultLanguage().code()));
        if (feedName != null) {
            frame = frame.withFeedsFirst(frames.listingFeeds(language, basePath, feedName));
        }
        boolean front = listing.kind() == ArticleListing.Kind.LATEST;
        byte[] html;
        if (front && page == 1) {
            String next = list.hasNext() ? basePath + "?page=2" : null;
            html = renderer.render("articles/front.jte", frontPages.build(frame, heading, language, list, next));
        } else {
            html = renderer.render("articles/listing.jte", new ListingPage(frame, heading, front, list, basePath));
        }
        // the front page shows the latest articles and their terms, which only a published change alters: one tag
        return Optional.of(new Rendered(html, null, Set.of(PageCache.listTag(language.code())), 0));
    }
}
