package org.iskra.newsletter;

import org.iskra.articles.TranslationPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A translation's first editorial publication puts it on its language's list for the next digest, in the
 * transaction that publishes it: a publication that commits is never missed, one that rolls back never sent.
 */
@Component
class ArticleAnnouncements {

    private final SendStore sends;

    ArticleAnnouncements(SendStore sends) {
        this.sends = sends;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TranslationPublished published) {
        sends.announce(published.translationId(), published.articleId(), published.language(), published.publishedAt());
    }
}
