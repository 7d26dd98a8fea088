package org.iskra.articles;

import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells that an article changed: this node's caches and search index after commit (an {@link ArticleChanged}
 * event) and every other node through the change log, written in the same transaction as the change.
 */
@Component
class ArticleAnnouncer {

    private final ArticleStore store;
    private final ArticleChangeLog changeLog;
    private final ApplicationEventPublisher events;

    ArticleAnnouncer(ArticleStore store, ArticleChangeLog changeLog, ApplicationEventPublisher events) {
        this.store = store;
        this.changeLog = changeLog;
        this.events = events;
    }

    /** A translation changed; an original's change may make its translations outdated, which their pages show. */
    void changed(long articleId, String language, boolean original) {
        changed(articleId, original ? store.languagesOf(articleId) : Set.of(language));
    }

    /** The article's pages in these languages changed. */
    void changed(long articleId, Set<String> languages) {
        ArticleChanged change = new ArticleChanged(articleId, languages);
        changeLog.record(change);
        events.publishEvent(change);
    }
}
