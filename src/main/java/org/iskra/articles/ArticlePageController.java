package org.iskra.articles;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ArticlePageController {

    private final Languages languages;
    private final ArticleCatalog catalog;
    private final SitePages pages;
    private final PageRenderer renderer;

    ArticlePageController(Languages languages, ArticleCatalog catalog, SitePages pages, PageRenderer renderer) {
        this.languages = languages;
        this.catalog = catalog;
        this.pages = pages;
        this.renderer = renderer;
    }

    /** A 404 that offers the languages the article does exist in, when the slug is known in another language. */
    private NotFoundException notInThisLanguage(String slug) {
        Map<String, String> versions = new LinkedHashMap<>();
        catalog.versionsOfSlug(slug).forEach(v -> versions.put(v.language(), v.path()));
        return new NotFoundException(versions);
    }

    @GetMapping("/{lang}/articles/{slug}")
    ResponseEntity<byte[]> article(@PathVariable String lang, @PathVariable String slug, HttpServletRequest request) {
        Language language = languages.find(lang).orElseThrow(NotFoundException::new);
        SitePages.Rendered page = pages.article(language, slug, false).orElseThrow(() -> notInThisLanguage(slug));
        ArticleReads.markRead(request, page.articleId(), language.code());
        return renderer.publicPage(request, page.html(), language, page.lastModified(), page.cacheTags());
    }
}
