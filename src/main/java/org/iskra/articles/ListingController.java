package org.iskra.articles;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page of each language and the listings by region, country and tag, newest first, paginated. */
@Controller
class ListingController {

    private final Languages languages;
    private final SitePages pages;
    private final PageRenderer renderer;

    ListingController(Languages languages, SitePages pages, PageRenderer renderer) {
        this.languages = languages;
        this.pages = pages;
        this.renderer = renderer;
    }

    @GetMapping("/{lang}/")
    ResponseEntity<byte[]> front(@PathVariable String lang, @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        return listing(request, lang, ArticleListing.latest(), page);
    }

    @GetMapping("/{lang}/regions/{slug}")
    ResponseEntity<byte[]> region(@PathVariable String lang, @PathVariable String slug,
                                  @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        return listing(request, lang, ArticleListing.region(slug), page);
    }

    @GetMapping("/{lang}/tags/{slug}")
    ResponseEntity<byte[]> tag(@PathVariable String lang, @PathVariable String slug,
                               @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        return listing(request, lang, ArticleListing.tag(slug), page);
    }

    @GetMapping("/{lang}/countries/{code}")
    ResponseEntity<byte[]> country(@PathVariable String lang, @PathVariable String code,
                                   @RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
        if (!code.matches("[a-z]{2}")) {
            throw new NotFoundException();
        }
        return listing(request, lang, ArticleListing.country(code), page);
    }

    private ResponseEntity<byte[]> listing(HttpServletRequest request, String lang, ArticleListing listing, String page) {
        Language language = languages.find(lang).orElseThrow(NotFoundException::new);
        SitePages.Rendered rendered = pages.listing(language, listing, pageNumber(page)).orElseThrow(NotFoundException::new);
        return renderer.publicPage(request, rendered.html(), language, null, rendered.cacheTags());
    }

    private static int pageNumber(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException();
        }
        return Integer.parseInt(value);
    }
}
