package org.iskra.articles;

import java.util.HashSet;
import java.util.Set;

import org.iskra.site.PageCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Evicts the pages that showed a changed article, after commit, so the next reader gets what was committed. */
@Component
class PageCacheInvalidation {

    private final PageCache cache;

    PageCacheInvalidation(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleChanged change) {
        Set<String> tags = new HashSet<>();
        tags.add(PageCache.articleTag(change.articleId()));
        change.languages().forEach(language -> tags.add(PageCache.listTag(language)));
        cache.evict(tags);
    }
}
