package org.iskra.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.iskra.taxonomy.Taxonomy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves translations: the one write path for the importer, the editor and the workflow, so every change looks alike. */
@Service
public class ArticleWriter {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ArticleStore store;
    private final Taxonomy taxonomy;
    private final ArticleChangeLog changeLog;
    private final ApplicationEventPublisher events;
    private final ArticleAddresses addresses;

    ArticleWriter(ArticleStore store, Taxonomy taxonomy, ArticleChangeLog changeLog, ApplicationEventPublisher events,
                  ArticleAddresses addresses) {
        this.store = store;
        this.changeLog = changeLog;
        this.taxonomy = taxonomy;
        this.events = events;
        this.addresses = addresses;
    }

    @Transactional(rollbackFor = ArticleRejectedException.class)
    public SaveResult save(TranslationInput input) throws ArticleRejectedException {
        try {
            return write(input, false, null);
        } catch (EditConflictException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Saves what the editor sent: a new revision when the text changed, the metadata, and never the status, which
     * changes only through {@link #changeStatus}. A published translation keeps showing its published revision
     * until it is published again.
     *
     * @param expectedVersion the edit version the form was loaded from, null for a new translation
     * @throws EditConflictException when someone saved a newer version meanwhile; nothing is written
     */
    @Transactional(rollbackFor = {ArticleRejectedException.class, EditConflictException.class})
    public SaveResult edit(TranslationInput input, Integer expectedVersion) throws ArticleRejectedException, EditConflictException {
        return write(input, true, expectedVersion);
    }

    private SaveResult write(TranslationInput input, boolean keepStatus, Integer expectedVersion)
            throws ArticleRejectedException, EditConflictException {
        if (!SLUG.matcher(input.slug()).matches() || input.slug().length() > 200) {
            throw new ArticleRejectedException("articles.error.slug-invalid", "slug '" + input.slug() + "' is not lowercase ASCII words joined by hyphens");
        }
        if (input.title().isBlank()) {
            throw new ArticleRejectedException("articles.error.title-missing", "the title is empty");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean articleCreated = false;
        ArticleStore.ArticleRow article = store.findArticle(input.translationKey()).orElse(null);
        if (article == null) {
            if (!input.isOriginal()) {
                throw new ArticleRejectedException("articles.error.original-missing",
                        "translation of '" + input.translationKey() + "' arrived before its original");
            }
            article = store.insertArticle(input.translationKey(), input.originalLanguage(), input.attribution(), input.savedBy());
            articleCreated = true;
        } else if (!article.originalLanguage().equals(input.originalLanguage())) {
            throw new ArticleRejectedException("articles.error.original-changed",
                    "'" + input.translationKey() + "' was written in " + article.originalLanguage() + ", not " + input.originalLanguage());
        }

        Optional<Long> slugOwner = store.translationIdBySlug(input.language(), input.slug());
        ArticleStore.TranslationRow translation = store.findTranslation(article.id(), input.language()).orElse(null);
        if (keepStatus) {
            int current = translation == null ? 0 : store.lockVersion(translation.id());
            if (translation != null && (expectedVersion == null || expectedVersion != current)) {
                throw new EditConflictException(translation.id(), current);
            }
        }
        if (slugOwner.isPresent() && (translation == null || slugOwner.get() != translation.id())) {
            throw new ArticleRejectedException("articles.error.slug-taken",
                    "slug '" + input.slug() + "' is already used by another " + input.language() + " article");
        }

        String hash = contentHash(input);
        OffsetDateTime revisedAt = input.revisedAt() != null ? input.revisedAt()
                : input.publishedAt() != null ? input.publishedAt() : now;
        boolean changed = articleCreated;
        boolean newRevision = false;
        SaveResult.Outcome outcome;
        long revisionId;
        if (translation == null) {
            long translationId = store.insertTranslation(article.id(), input.language(), input.slug());
            revisionId = store.insertRevision(translationId, 1, input, hash, revisedAt);
            translation = store.findTranslation(article.id(), input.language()).orElseThrow();
            outcome = SaveResult.Outcome.CREATED;
            changed = true;
            newRevision = true;
        } else {
            ArticleStore.RevisionRow latest = store.latestRevision(translation.id()).orElseThrow();
            if (latest.contentHash().equals(hash)) {
                revisionId = latest.id();
            } else {
                revisionId = store.insertRevision(translation.id(), latest.number() + 1, input, hash, revisedAt);
                changed = true;
                newRevision = true;
            }
            if (!translation.slug().equals(input.slug())) {
                store.updateSlug(translation.id(), input.slug());
                // links to the old address keep working
                addresses.keepFormerSlug(article.id(), input.language(), translation.slug());
                changed = true;
            }
            outcome = SaveResult.Outcome.UPDATED;
        }

        if (keepStatus && outcome != SaveResult.Outcome.CREATED) {
            // the status is the workflow's business, see changeStatus
        } else if (input.published()) {
            boolean newlyPublished = !"published".equals(translation.status())
                    || translation.publishedRevisionId() == null || translation.publishedRevisionId() != revisionId;
            if (newlyPublished) {
                OffsetDateTime publishedAt = translation.publishedAt() != null ? translation.publishedAt()
                        : input.publishedAt() != null ? input.publishedAt() : now;
                store.publish(translation.id(), revisionId, publishedAt);
                store.recordFirstPublication(article.id(), publishedAt);
                changed = true;
            }
        } else if (!"draft".equals(translation.status()) || outcome == SaveResult.Outcome.CREATED) {
            boolean wasDraft = "draft".equals(translation.status());
            store.markDraft(translation.id());
            changed |= !wasDraft;
        }

        // an editor's correction to a translation does not make it follow a newer original: only the translator's
        // "up to date" (markUpToDate) does, so outdated translations stay marked until someone checks them
        boolean followsSource = !keepStatus || outcome == SaveResult.Outcome.CREATED;
        if (!input.isOriginal() && followsSource && (newRevision || input.translatedFrom() != null)) {
            Long source = sourceRevisionOf(article.id(), input);
            if (source != null && !source.equals(translation.sourceRevisionId())) {
                store.followOriginalRevision(translation.id(), source);
                changed = true;
            }
        }

        changed |= store.updateAttribution(translation.id(), input.attribution());
        if (input.isOriginal()) {
            changed |= store.updateArticleMetadata(article.id(), input.attribution(), input.leadMediaId());
        }
        changed |= taxonomy.assign(article.id(), input.language(), input.isOriginal(), input.regions(), input.countries(), input.tags());

        if (outcome == SaveResult.Outcome.UPDATED && !changed) {
            outcome = SaveResult.Outcome.UNCHANGED;
        }
        if (changed) {
            store.touch(translation.id(), now);
            announce(article.id(), input.language(), input.isOriginal());
        }
        return new SaveResult(article.id(), translation.id(), outcome, store.lockVersion(translation.id()));
    }

    /**
     * Moves a translation along the workflow: draft → review → scheduled → published → unpublished. Publishing
     * publishes the newest revision; a published translation may be published again to show its newer revision.
     *
     * @param publishAt for {@link EditorialStatus#SCHEDULED}: when the scheduled job shall publish it
     * @return the new edit version
     */
    @Transactional(rollbackFor = {ArticleRejectedException.class, EditConflictException.class})
    public int changeStatus(long translationId, int expectedVersion, EditorialStatus to, OffsetDateTime publishAt)
            throws ArticleRejectedException, EditConflictException {
        ArticleStore.TranslationRow translation = store.findTranslation(translationId)
                .orElseThrow(() -> new ArticleRejectedException("articles.error.not-found", "no translation " + translationId));
        int current = store.lockVersion(translationId);
        if (current != expectedVersion) {
            throw new EditConflictException(translationId, current);
        }
        EditorialStatus from = EditorialStatus.of(translation.status());
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
            store.setStatus(translationId, to.value());
        }
        store.touch(translationId, now);
        announce(translation.articleId(), translation.language(), store.isOriginal(translationId));
        return store.lockVersion(translationId);
    }

    /**
     * Publishes every scheduled translation whose time has come. It works from what the database says is due, so a
     * run missed while no node was up is made up by the next one.
     *
     * @return how many were published
     */
    @Transactional
    public int publishDue(OffsetDateTime now) {
        int published = 0;
        for (long translationId : store.scheduledBefore(now)) {
            ArticleStore.TranslationRow translation = store.findTranslation(translationId).orElseThrow();
            publishNewest(translation, now);
            store.touch(translationId, now);
            announce(translation.articleId(), translation.language(), store.isOriginal(translationId));
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

    /** Tells this node's caches after commit and every other node through the change log. */
    private void announce(long articleId, String language, boolean original) {
        // an original's change may make its translations outdated, which their pages show
        Set<String> languages = original ? store.languagesOf(articleId) : Set.of(language);
        ArticleChanged change = new ArticleChanged(articleId, languages);
        changeLog.record(change);
        events.publishEvent(change);
    }

    /**
     * A translator checked the translation against the current original: it now follows the original's published
     * revision. Returns false when there is no such translation or it already follows that revision.
     */
    @Transactional
    public boolean markUpToDate(String language, String slug) {
        Optional<Long> translationId = store.translationIdBySlug(language, slug);
        if (translationId.isEmpty()) {
            return false;
        }
        ArticleStore.TranslationRow translation = store.findTranslation(translationId.get()).orElseThrow();
        Optional<Long> current = store.originalPublishedRevision(translation.articleId());
        if (current.isEmpty() || current.get().equals(translation.sourceRevisionId())
                || store.isOriginal(translation.id())) {
            return false;
        }
        store.followOriginalRevision(translation.id(), current.get());
        ArticleChanged change = new ArticleChanged(translation.articleId(), Set.of(language));
        changeLog.record(change);
        events.publishEvent(change);
        return true;
    }

    /** The original's revision this translation follows: the one named by date, else the current published one. */
    private Long sourceRevisionOf(long articleId, TranslationInput input) {
        if (input.translatedFrom() != null) {
            return store.originalRevisionAt(articleId, input.translatedFrom()).orElse(null);
        }
        return store.originalPublishedRevision(articleId).orElse(null);
    }

    private static String contentHash(TranslationInput input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {input.title(), input.standfirst(), input.body()}) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
