package org.iskra.articles;

import java.util.List;

/** One page of a listing: the articles, which page it is (1-based) and how many pages there are. */
public record ArticleList(List<ArticleSummary> articles, int page, int pageCount, long total) {

    public boolean hasNext() {
        return page < pageCount;
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
