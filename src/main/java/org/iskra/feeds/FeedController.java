package org.iskra.feeds;

import java.time.Duration;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.articles.ArticleListing;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageCache;
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

    private final Languages languages;
    private final FeedFiles files;

    FeedController(Languages languages, FeedFiles files) {
        this.languages = languages;
        this.files = files;
    }

    @GetMapping("/{lang}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> latest(@PathVariable String lang, @PathVariable String format, HttpServletRequest request) {
        return feed(request, lang, ArticleListing.latest(), format);
    }

    @GetMapping("/{lang}/regions/{slug}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> region(@PathVariable String lang, @PathVariable String slug, @PathVariable String format,
                                  HttpServletRequest request) {
        return feed(request, lang, ArticleListing.region(slug), format);
    }

    @GetMapping("/{lang}/tags/{slug}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> tag(@PathVariable String lang, @PathVariable String slug, @PathVariable String format,
                               HttpServletRequest request) {
        return feed(request, lang, ArticleListing.tag(slug), format);
    }

    @GetMapping("/{lang}/countries/{code}/feed.{format:atom|rss}")
    ResponseEntity<byte[]> country(@PathVariable String lang, @PathVariable String code, @PathVariable String format,
                                   HttpServletRequest request) {
        if (!code.matches("[a-z]{2}")) {
            throw new NotFoundException();
        }
        return feed(request, lang, ArticleListing.country(code), format);
    }

    private ResponseEntity<byte[]> feed(HttpServletRequest request, String lang, ArticleListing listing, String format) {
        Language language = languages.find(lang).orElseThrow(NotFoundException::new);
        FeedFiles.Feed feed = files.feed(language, listing, format).orElseThrow(NotFoundException::new);
        PageCache.markCacheable(request, Set.of(PageCache.listTag(language.code())));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(feed.format().contentType())
                .header("Content-Language", language.code())
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic());
        if (feed.lastModified() != null) {
            response.lastModified(feed.lastModified().toInstant());
        }
        return response.body(feed.body());
    }
}
