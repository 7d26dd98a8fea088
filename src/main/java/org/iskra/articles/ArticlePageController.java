package org.iskra.articles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageCache;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.taxonomy.Taxonomy;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ArticlePageController {

    private final Languages languages;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final ArticleMetadata metadata;
    private final List<ArticleFooterBlock> footerBlocks;

    ArticlePageController(Languages languages, ArticleCatalog catalog, Taxonomy taxonomy, PageFrames frames, PageRenderer renderer,
                          ArticleMetadata metadata, List<ArticleFooterBlock> footerBlocks) {
        this.languages = languages;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.frames = frames;
        this.renderer = renderer;
        this.metadata = metadata;
        this.footerBlocks = footerBlocks;
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
        PublishedArticle article = catalog.published(language.code(), slug).orElseThrow(() -> notInThisLanguage(slug));
        Map<String, String> versions = new LinkedHashMap<>();
        article.versions().forEach(v -> versions.put(v.language(), v.path()));
        String xDefault = article.original().map(ArticleVersion::path).orElse(article.path());
        PageFrame frame = metadata.describe(
                frames.frame(language, article.title(), article.standfirst(), article.path(), versions, xDefault), article);
        List<String> blocks = footerBlocks.stream().map(block -> block.html(article, frame.t(), false)).toList();
        ArticlePage page = new ArticlePage(frame, article, taxonomy.termsOf(article.articleId(), language.code()), blocks);
        ArticleReads.markRead(request, article.articleId(), language.code());
        return renderer.publicPage(request, "articles/article.jte", page, language, article.updatedAt(),
                Set.of(PageCache.articleTag(article.articleId())));
    }
}
