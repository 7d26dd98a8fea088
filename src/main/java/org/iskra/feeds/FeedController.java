package org.iskra.feeds;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleListing;
import org.iskra.articles.PublishedArticle;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageCache;
import org.iskra.site.PageFrames;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Atom and RSS feeds of each language's newest articles, and of each region, country and tag, beside the page
 * they follow: {@code /en/feed.atom}, {@code /en/regions/caucasus/feed.rss}. Kept in the page cache like pages.
 */
@Controller
class FeedController {

    static final int ENTRIES = 20;

    private final Languages languages;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final PageFrames frames;
    private final FeedWriter writer;

    FeedController(Languages languages, ArticleCatalog catalog, Taxonomy taxonomy, PageFrames frames, FeedWriter writer) {
        this.languages = languages;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.frames = frames;
        this.writer = writer;
    }

    @GetMapping("/{lang}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> latest(@PathVariable String lang, @PathVariable String format, HttpServletRequest request) {
        Language language = language(lang);
        Messages t = frames.messages(language);
        Channel channel = new Channel(language, t.get("site.name"), t.get("site.tagline"), "/" + language.code() + "/");
        return feed(request, channel, ArticleListing.latest(), format);
    }

    @GetMapping("/{lang}/regions/{slug}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> region(@PathVariable String lang, @PathVariable String slug, @PathVariable String format,
                                  HttpServletRequest request) {
        Language language = language(lang);
        Term region = taxonomy.region(slug, language.code()).orElseThrow(NotFoundException::new);
        return feed(request, channel(language, region, "listing.region", "/regions/" + slug),
                ArticleListing.region(slug), format);
    }

    @GetMapping("/{lang}/tags/{slug}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> tag(@PathVariable String lang, @PathVariable String slug, @PathVariable String format,
                               HttpServletRequest request) {
        Language language = language(lang);
        Term tag = taxonomy.tag(slug, language.code()).orElseThrow(NotFoundException::new);
        return feed(request, channel(language, tag, "listing.tag", "/tags/" + slug), ArticleListing.tag(slug), format);
    }

    @GetMapping("/{lang}/countries/{code}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> country(@PathVariable String lang, @PathVariable String code, @PathVariable String format,
                                   HttpServletRequest request) {
        Language language = language(lang);
        if (!code.matches("[a-z]{2}")) {
            throw new NotFoundException();
        }
        Term country = taxonomy.country(code, language.code()).orElseThrow(NotFoundException::new);
        return feed(request, channel(language, country, "listing.country", "/countries/" + code),
                ArticleListing.country(code), format);
    }

    private ResponseEntity<byte[]> feed(HttpServletRequest request, Channel channel, ArticleListing listing, String format) {
        String code = channel.language().code();
        FeedFormat feedFormat = FeedFormat.byExtension(format);
        List<PublishedArticle> articles = catalog.latestInFull(listing, code, ENTRIES);
        String publisherName = frames.messages(channel.language()).get("site.name");
        byte[] body = writer.write(channel, feedFormat, articles, publisherName);
        PageCache.markCacheable(request, Set.of(PageCache.listTag(code)));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(feedFormat.contentType())
                .header("Content-Language", code)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic());
        articles.stream().map(PublishedArticle::updatedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(OffsetDateTime::toInstant)
                .ifPresent(response::lastModified);
        return response.body(body);
    }

    private Channel channel(Language language, Term term, String headingKey, String pathInLanguage) {
        Messages t = frames.messages(language);
        return new Channel(language, t.get("feed.title.listing", t.get("site.name"), term.name()),
                t.get(headingKey, term.name()), "/" + language.code() + pathInLanguage);
    }

    private Language language(String code) {
        return languages.find(code).orElseThrow(NotFoundException::new);
    }
}
