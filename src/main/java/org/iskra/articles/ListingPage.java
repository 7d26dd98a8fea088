package org.iskra.articles;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of a page that lists articles: the front page, a region, a country or a tag. */
public record ListingPage(PageFrame frame, String heading, boolean frontPage, ArticleList list, String basePath) {

    public Messages t() {
        return frame.t();
    }

    public String pagePath(int page) {
        return page <= 1 ? basePath : basePath + "?page=" + page;
    }
}
