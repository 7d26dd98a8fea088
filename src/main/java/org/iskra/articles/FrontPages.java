package org.iskra.articles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iskra.media.MediaImage;
import org.iskra.site.Language;
import org.iskra.site.PageFrame;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.stereotype.Component;

/**
 * Builds the first page of a language's front page from its latest articles: the newest one leads, the others are
 * grouped by region. Only the latest {@value #RECENT} articles are grouped, so a region quiet for longer than that
 * is reached through the navigation by region, not a section of its own.
 */
@Component
class FrontPages {

    static final int RECENT = 40;
    static final int PER_REGION = 3;
    static final int MOST_USED_TAGS = 24;

    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final CardImages images;

    FrontPages(ArticleCatalog catalog, Taxonomy taxonomy, CardImages images) {
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.images = images;
    }

    FrontPage build(PageFrame frame, String heading, Language language, ArticleList list, String next) {
        String code = language.code();
        List<ArticleSummary> recent = catalog.list(ArticleListing.latest(), code, 1, RECENT).articles();
        List<Term> regions = taxonomy.regions(code);
        List<Term> tags = taxonomy.mostUsedTags(code, MOST_USED_TAGS);
        if (recent.isEmpty()) {
            return new FrontPage(frame, heading, null, List.of(), regions, tags, list, next);
        }
        ArticleSummary lead = recent.get(0);
        Map<Long, List<Term>> regionsOf = taxonomy.regionsOf(recent.stream().map(ArticleSummary::articleId).toList(), code);
        Map<String, Term> regionBySlug = new LinkedHashMap<>();
        Map<String, List<ArticleSummary>> bySlug = new LinkedHashMap<>();
        for (ArticleSummary article : recent.subList(1, recent.size())) {
            for (Term region : regionsOf.getOrDefault(article.articleId(), List.of())) {
                List<ArticleSummary> shown = bySlug.computeIfAbsent(region.slug(), slug -> new ArrayList<>());
                regionBySlug.putIfAbsent(region.slug(), region);
                if (shown.size() < PER_REGION) {
                    shown.add(article);
                }
            }
        }
        Set<Long> pictured = new LinkedHashSet<>();
        pictured.add(lead.articleId());
        bySlug.values().forEach(articles -> articles.forEach(a -> pictured.add(a.articleId())));
        Map<Long, MediaImage> pictures = images.of(pictured, code);

        Cards cards = new Cards(pictures);
        ArticleCard leadCard = cards.card(lead);
        List<FrontPage.Section> sections = new ArrayList<>();
        bySlug.forEach((slug, articles) -> {
            Term region = regionBySlug.get(slug);
            sections.add(new FrontPage.Section(region, frame.home() + "regions/" + slug,
                    articles.stream().map(cards::card).toList()));
        });
        return new FrontPage(frame, heading, leadCard, sections, regions, tags, list, next);
    }

    /** Makes cards in the order the page shows them, so that the first picture on the page is the eager one. */
    private static final class Cards {
        private final Map<Long, MediaImage> pictures;
        private boolean eagerGiven;

        Cards(Map<Long, MediaImage> pictures) {
            this.pictures = pictures;
        }

        ArticleCard card(ArticleSummary article) {
            MediaImage image = pictures.get(article.articleId());
            boolean eager = image != null && !eagerGiven;
            eagerGiven |= eager;
            return new ArticleCard(article, image, eager);
        }
    }
}
