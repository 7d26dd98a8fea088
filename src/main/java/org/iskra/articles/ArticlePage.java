package org.iskra.articles;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.taxonomy.ArticleTerms;

/** The model of the article page; {@code footerBlocks} are other features' blocks under it, as safe HTML. */
public record ArticlePage(PageFrame frame, PublishedArticle article, ArticleTerms terms, List<String> footerBlocks) {

    public Messages t() {
        return frame.t();
    }
}
