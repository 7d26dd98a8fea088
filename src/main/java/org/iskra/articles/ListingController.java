package org.iskra.articles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageCache;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page of each language and the listings by region, country and tag, newest first, paginated. */
@Controller
class ListingController {

    private final Languages languages;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final int pageSize;

    ListingController(Languages languages, ArticleCatalog catalog, Taxonomy taxonomy, PageFrames frames,
                      PageRenderer renderer, IskraProperties properties) {
        this.languages = languages;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.frames = frames;
        this.renderer = renderer;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/{lang}/")
    ResponseEntity<byte[]> front(@PathVariable String lang, @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        Language language = language(lang);
        String heading = frames.messages(language).get("site.name");
        return listing(request, language, ArticleListing.latest(), heading, true, null, page, code -> "/" + code + "/");
    }

    @GetMapping("/{lang}/regions/{slug}")
    ResponseEntity<byte[]> region(@PathVariable String lang, @PathVariable String slug,
                                  @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        Language language = language(lang);
        Term region = taxonomy.region(slug, language.code()).orElseThrow(NotFoundException::new);
        return listing(request, language, ArticleListing.region(slug),
                frames.messages(language).get("listing.region", region.name()), false, region.name(), page,
                code -> "/" + code + "/regions/" + slug);
    }

    @GetMapping("/{lang}/tags/{slug}")
    ResponseEntity<byte[]> tag(@PathVariable String lang, @PathVariable String slug,
                               @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        Language language = language(lang);
        Term tag = taxonomy.tag(slug, language.code()).orElseThrow(NotFoundException::new);
        return listing(request, language, ArticleListing.tag(slug),
                frames.messages(language).get("listing.tag", tag.name()), false, tag.name(), page,
                code -> "/" + code + "/tags/" + slug);
    }

    @GetMapping("/{lang}/countries/{code}")
    ResponseEntity<byte[]> country(@PathVariable String lang, @PathVariable String code,
                                   @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        Language language = language(lang);
        if (!code.matches("[a-z]{2}")) {
            throw new NotFoundException();
        }
        Term country = taxonomy.country(code, language.code()).orElseThrow(NotFoundException::new);
        return listing(request, language, ArticleListing.country(code),
                frames.messages(language).get("listing.country", country.name()), false, country.name(), page,
                other -> "/" + other + "/countries/" + code);
    }

    private ResponseEntity<byte[]> listing(HttpServletRequest request, Language language, ArticleListing listing,
                                           String heading, boolean frontPage, String feedName, String pageParameter,
                                           Function<String, String> pathIn) {
        int page = pageNumber(pageParameter);
        ArticleList list = catalog.list(listing, language.code(), page, pageSize);
        if (page > list.pageCount()) {
            throw new NotFoundException();
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
        ListingPage model = new ListingPage(frame, heading, frontPage, list, basePath);
        return renderer.publicPage(request, "articles/listing.jte", model, language, null,
                Set.of(PageCache.listTag(language.code())));
    }

    private Language language(String code) {
        return languages.find(code).orElseThrow(NotFoundException::new);
    }

    private static int pageNumber(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException();
        }
        return Integer.parseInt(value);
    }
}
