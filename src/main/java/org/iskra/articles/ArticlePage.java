package org.iskra.articles;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.taxonomy.ArticleTerms;

/** The model of the article page. */
public record ArticlePage(PageFrame frame, PublishedArticle article, ArticleTerms terms) {

    public Messages t() {
        return frame.t();
    }
}
