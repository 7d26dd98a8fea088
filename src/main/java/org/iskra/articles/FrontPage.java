package org.iskra.articles;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.taxonomy.Term;

/**
 * The model of a language's front page: the newest article large, then the latest of each region, then every region
 * and the most used tags to browse by. Later pages of the front page are plain listings ({@link ListingPage}).
 *
 * @param lead     the newest article, or null when the language has none yet
 * @param sections the regions of the latest articles, the one with the newest article first
 * @param next     the second page of the latest articles, or null when there is none
 */
public record FrontPage(PageFrame frame, String heading, ArticleCard lead, List<Section> sections, List<Term> regions,
                        List<Term> tags, ArticleList list, String next) {

    // The lead picture spans main's column (44rem less its padding), a card's is a thumbnail beside its text: the
    // browser picks the variant from these before it has any CSS.
    public static final String LEAD_SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";
    public static final String CARD_SIZES = "7rem";

    /** One region's latest articles; its heading links to the region's page. */
    public record Section(Term region, String path, List<ArticleCard> cards) {
    }

    public Messages t() {
        return frame.t();
    }

    public String regionPath(Term region) {
        return frame.home() + "regions/" + region.slug();
    }

    public String tagPath(Term tag) {
        return frame.home() + "tags/" + tag.slug();
    }
}
