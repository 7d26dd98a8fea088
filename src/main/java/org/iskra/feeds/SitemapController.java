package org.iskra.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageCache;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /robots.txt}, the sitemap index at {@code /sitemap.xml} and one sitemap per language at
 * {@code /sitemap-en.xml} (a very large one continues in {@code /sitemap-en-2.xml} …).
 */
@Controller
class SitemapController {

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final Sitemaps sitemaps;
    private final Languages languages;
    private final FeedFiles files;

    SitemapController(Sitemaps sitemaps, Languages languages, FeedFiles files) {
        this.sitemaps = sitemaps;
        this.languages = languages;
        this.files = files;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<byte[]> robots(HttpServletRequest request) {
        PageCache.markCacheable(request, Set.of());
        return ok(TEXT, files.robots());
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index(HttpServletRequest request) {
        return cached(request, SitemapWriter.index(sitemaps.index()));
    }

    @GetMapping("/sitemap-{lang:[a-z]+}.xml")
    ResponseEntity<byte[]> language(@PathVariable String lang, HttpServletRequest request) {
        return part(request, lang, 1);
    }

    @GetMapping("/sitemap-{lang:[a-z]+}-{part:[0-9]+}.xml")
    ResponseEntity<byte[]> languagePart(@PathVariable String lang, @PathVariable String part, HttpServletRequest request) {
        // part 1 has one address only, without a number
        if (part.length() > 5 || part.startsWith("0") || part.equals("1")) {
            throw new NotFoundException();
        }
        return part(request, lang, Integer.parseInt(part));
    }

    private ResponseEntity<byte[]> part(HttpServletRequest request, String code, int part) {
        Language language = languages.find(code).orElseThrow(NotFoundException::new);
        List<SitemapUrl> urls = sitemaps.part(language, part).orElseThrow(NotFoundException::new);
        return cached(request, SitemapWriter.urlset(urls));
    }

    /** Any publish may change any sitemap: a new translation adds an alternate to its siblings' entries. */
    private ResponseEntity<byte[]> cached(HttpServletRequest request, byte[] body) {
        PageCache.markCacheable(request, languages.all().stream()
                .map(language -> PageCache.listTag(language.code()))
                .collect(java.util.stream.Collectors.toSet()));
        return ok(XML, body);
    }

    private static ResponseEntity<byte[]> ok(MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(body);
    }
}
