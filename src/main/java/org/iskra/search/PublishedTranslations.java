package org.iskra.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.PublishedText;
import org.iskra.taxonomy.ArticleTerms;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.TermsOfArticles;

/**
 * What the index is made of, read from the database: the published translations of articles with their regions,
 * countries and tags named in the translation's language. A run of articles is read in a few queries (texts, then
 * terms), not several per translation.
 */
final class PublishedTranslations {

    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;

    PublishedTranslations(ArticleCatalog catalog, Taxonomy taxonomy) {
        this.catalog = catalog;
        this.taxonomy = taxonomy;
    }

    List<IndexedTranslation> of(long articleId) {
        return between(articleId, articleId).getOrDefault(articleId, List.of());
    }

    /** The published translations of the articles with ids from {@code from} to {@code to}, by article. */
    Map<Long, List<IndexedTranslation>> between(long from, long to) {
        TermsOfArticles terms = taxonomy.termsOfArticles(from, to);
        Map<Long, List<IndexedTranslation>> byArticle = new LinkedHashMap<>();
        for (PublishedText text : catalog.publishedTexts(from, to)) {
            ArticleTerms named = terms.of(text.articleId(), text.language());
            byArticle.computeIfAbsent(text.articleId(), id -> new ArrayList<>()).add(new IndexedTranslation(text.articleId(),
                    text.language(), text.slug(), text.title(), text.standfirst(), text.text(), named.regions(),
                    named.countries(), named.tags(), text.publishedAt(), text.updatedAt()));
        }
        return byArticle;
    }
}
