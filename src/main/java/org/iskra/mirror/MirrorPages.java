package org.iskra.mirror;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iskra.articles.ArticleListing;
import org.iskra.articles.SitePages;
import org.iskra.feeds.FeedFiles;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.springframework.stereotype.Component;

/**
 * What the mirror holds at a live address, rendered by the same code the live site answers it with: the front page
 * and listings, articles, feeds, the mirror's search page and index. Empty for an address the site has no page at.
 */
@Component
class MirrorPages {

    /** A rendered file: HTML pages get their links rewritten, feeds and indexes are written as they are. */
    record Page(byte[] bytes, boolean html) {
    }

    private static final Pattern FRONT = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/");
    private static final Pattern ARTICLE = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/articles/([^/]+)");
    private static final Pattern LISTING = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/(regions|tags|countries)/([^/]+)");
    private static final Pattern FEED = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/feed\\.(atom|rss)");
    private static final Pattern LISTING_FEED = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/(regions|tags|countries)/([^/]+)/feed\\.(atom|rss)");
    private static final Pattern SEARCH = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/search");

    private final Languages languages;
    private final SitePages pages;
    private final FeedFiles feeds;
    private final MirrorSearch search;

    MirrorPages(Languages languages, SitePages pages, FeedFiles feeds, MirrorSearch search) {
        this.languages = languages;
        this.pages = pages;
        this.feeds = feeds;
        this.search = search;
    }

    Optional<Page> render(String path, int page, String serverBase) {
        if (path.equals("/")) {
            // the root holds the default language's front page, so a mirror opened at its top shows the site
            return html(pages.listing(languages.defaultLanguage(), ArticleListing.latest(), page).map(SitePages.Rendered::html));
        }
        Matcher m;
        if ((m = FRONT.matcher(path)).matches()) {
            return language(m.group(1)).flatMap(language ->
                    html(pages.listing(language, ArticleListing.latest(), page).map(SitePages.Rendered::html)));
        }
        if ((m = ARTICLE.matcher(path)).matches() && page == 1) {
            String slug = m.group(2);
            return language(m.group(1)).flatMap(language ->
                    html(pages.article(language, slug, true).map(SitePages.Rendered::html)));
        }
        if ((m = LISTING.matcher(path)).matches()) {
            ArticleListing listing = listing(m.group(2), m.group(3));
            return language(m.group(1)).flatMap(language ->
                    html(pages.listing(language, listing, page).map(SitePages.Rendered::html)));
        }
        if (page != 1) {
            return Optional.empty();
        }
        if ((m = FEED.matcher(path)).matches()) {
            String format = m.group(2);
            return language(m.group(1)).flatMap(language ->
                    feeds.feedBytes(language, ArticleListing.latest(), format)).map(bytes -> new Page(bytes, false));
        }
        if ((m = LISTING_FEED.matcher(path)).matches()) {
            ArticleListing listing = listing(m.group(2), m.group(3));
            String format = m.group(4);
            return language(m.group(1)).flatMap(language -> feeds.feedBytes(language, listing, format))
                    .map(bytes -> new Page(bytes, false));
        }
        if ((m = SEARCH.matcher(path)).matches()) {
            return language(m.group(1)).map(language -> new Page(search.page(language, serverBase), true));
        }
        return Optional.empty();
    }

    private Optional<Language> language(String code) {
        return languages.find(code).filter(language -> languages.supports(language.code()));
    }

    private static Optional<Page> html(Optional<byte[]> bytes) {
        return bytes.map(b -> new Page(b, true));
    }

    private static ArticleListing listing(String kind, String key) {
        return switch (kind) {
            case "regions" -> ArticleListing.region(key);
            case "tags" -> ArticleListing.tag(key);
            default -> ArticleListing.country(key);
        };
    }
}
