package org.iskra.articles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The workflow's moves, in the transaction {@link ArticleWriter} opens: draft → review → scheduled → published →
 * unpublished, and publishing what is scheduled when its time comes. Who may make which move is
 * {@link EditorialUser}'s to say; which moves exist is {@link EditorialStatus}'s.
 */
@Component
class EditorialWorkflow {

    private final ArticleStore store;
    private final ArticleAnnouncer announcer;
    private final ApplicationEventPublisher events;

    EditorialWorkflow(ArticleStore store, ArticleAnnouncer announcer, ApplicationEventPublisher events) {
        this.store = store;
        this.announcer = announcer;
        this.events = events;
    }

    /** See {@link ArticleWriter#changeStatus}. */
    int changeStatus(long translationId, int expectedVersion, EditorialStatus to, OffsetDateTime publishAt)
            throws ArticleRejectedException, EditConflictException {
        ArticleStore.TranslationRow translation = store.findTranslation(translationId)
                .orElseThrow(() -> new ArticleRejectedException("articles.error.not-found", "no translation " + translationId));
        int current = store.lockVersion(translationId);
        if (current != expectedVersion) {
            throw new EditConflictException(translationId, current);
        }
        EditorialStatus from = translation.status();
        if (!from.mayBecome(to)) {
            throw new ArticleRejectedException("articles.error.transition", from + " may not become " + to);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (to == EditorialStatus.PUBLISHED) {
            publishNewest(translation, now);
        } else if (to == EditorialStatus.SCHEDULED) {
            if (publishAt == null) {
                throw new ArticleRejectedException("articles.error.schedule-missing", "no time to publish at");
            }
            store.schedule(translationId, publishAt);
        } else {
            store.setStatus(translationId, to);
        }
        store.touch(translationId, now);
        announcer.changed(translation.articleId(), translation.language(), store.isOriginal(translationId));
        return store.lockVersion(translationId);
    }

    /** See {@link ArticleWriter#publishDue}. */
    int publishDue(OffsetDateTime now) {
        int published = 0;
        for (long translationId : store.scheduledBefore(now)) {
            ArticleStore.TranslationRow translation = store.findTranslation(translationId).orElseThrow();
            publishNewest(translation, now);
            store.touch(translationId, now);
            announcer.changed(translation.articleId(), translation.language(), store.isOriginal(translationId));
            published++;
        }
        return published;
    }

    /** The workflow's publication; the first one of a translation is announced (the newsletter sends it). */
    private void publishNewest(ArticleStore.TranslationRow translation, OffsetDateTime now) {
        ArticleStore.RevisionRow newest = store.latestRevision(translation.id()).orElseThrow();
        OffsetDateTime scheduledAt = store.scheduledAt(translation.id()).orElse(null);
        OffsetDateTime publishedAt = translation.publishedAt() != null ? translation.publishedAt()
                : scheduledAt != null && !scheduledAt.isAfter(now) ? scheduledAt : now;
        store.publish(translation.id(), newest.id(), publishedAt);
        store.recordFirstPublication(translation.articleId(), publishedAt);
        if (translation.publishedAt() == null) {
            events.publishEvent(new TranslationPublished(translation.articleId(), translation.id(), translation.language(),
                    publishedAt));
        }
    }
}
