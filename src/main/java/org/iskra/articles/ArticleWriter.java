package org.iskra.articles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.iskra.taxonomy.Taxonomy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves translations: the one write path for the importer, the editor and the workflow, so every change looks alike. */
@Service
public class ArticleWriter {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ArticleStore store;
    private final Taxonomy taxonomy;
    private final ArticleAnnouncer announcer;
    private final ArticleAddresses addresses;
    private final EditorialWorkflow workflow;

    ArticleWriter(ArticleStore store, Taxonomy taxonomy, ArticleAnnouncer announcer, ArticleAddresses addresses,
                  EditorialWorkflow workflow) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.announcer = announcer;
        this.addresses = addresses;
        this.workflow = workflow;
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

    /**
     * One save, step by step: check the input, find or create the article, check the edit version and the slug,
     * write a revision if the words changed, then the status, the original it follows, and the metadata. Whatever
     * changed is announced once at the end.
     *
     * @param keepStatus the editor's save: the status stays (the workflow's business, see {@link #changeStatus}) and
     *                   a saved translation keeps the original's revision it follows
     */
    private SaveResult write(TranslationInput input, boolean keepStatus, Integer expectedVersion)
            throws ArticleRejectedException, EditConflictException {
        checkSlugAndTitle(input);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Found article = articleFor(input);
        Optional<Long> slugOwner = store.translationIdBySlug(input.language(), input.slug());
        ArticleStore.TranslationRow existing = store.findTranslation(article.row().id(), input.language()).orElse(null);
        if (keepStatus) {
            checkVersion(existing, expectedVersion);
        }
        checkSlugIsFree(input, slugOwner, existing);
        Revised revised = revise(article.row(), existing, input, now);
        boolean created = revised.outcome() == SaveResult.Outcome.CREATED;
        boolean changed = article.created() | revised.changed();
        // the editor's save of a saved translation leaves its status to the workflow (changeStatus), and the
        // original's revision it follows to the translator's "up to date" (markUpToDate): an editor's correction
        // does not make an outdated translation current
        if (!keepStatus || created) {
            changed |= applyStatus(article.row(), revised, input, now);
            changed |= followOriginal(article.row(), revised, input);
        }
        changed |= saveMetadata(article.row(), revised.translation(), input);

        SaveResult.Outcome outcome = revised.outcome() == SaveResult.Outcome.UPDATED && !changed
                ? SaveResult.Outcome.UNCHANGED : revised.outcome();
        long translationId = revised.translation().id();
        if (changed) {
            store.touch(translationId, now);
            announcer.changed(article.row().id(), input.language(), input.isOriginal());
        }
        return new SaveResult(article.row().id(), translationId, outcome, store.lockVersion(translationId));
    }

    private static void checkSlugAndTitle(TranslationInput input) throws ArticleRejectedException {
        if (!SLUG.matcher(input.slug()).matches() || input.slug().length() > 200) {
            throw new ArticleRejectedException("articles.error.slug-invalid", "slug '" + input.slug() + "' is not lowercase ASCII words joined by hyphens");
        }
        if (input.title().isBlank()) {
            throw new ArticleRejectedException("articles.error.title-missing", "the title is empty");
        }
    }

    /** The article the translation belongs to, and whether this save created it. */
    private record Found(ArticleStore.ArticleRow row, boolean created) {
    }

    /** An original creates its article; a translation needs its article to exist, in the same original language. */
    private Found articleFor(TranslationInput input) throws ArticleRejectedException {
        ArticleStore.ArticleRow article = store.findArticle(input.translationKey()).orElse(null);
        if (article == null) {
            if (!input.isOriginal()) {
                throw new ArticleRejectedException("articles.error.original-missing",
                        "translation of '" + input.translationKey() + "' arrived before its original");
            }
            return new Found(store.insertArticle(input.translationKey(), input.originalLanguage(), input.attribution(),
                    input.savedBy()), true);
        }
        if (!article.originalLanguage().equals(input.originalLanguage())) {
            throw new ArticleRejectedException("articles.error.original-changed",
                    "'" + input.translationKey() + "' was written in " + article.originalLanguage() + ", not " + input.originalLanguage());
        }
        return new Found(article, false);
    }

    /** Refuses to save over a version newer than the one the form was loaded from; holds the row until commit. */
    private void checkVersion(ArticleStore.TranslationRow translation, Integer expectedVersion) throws EditConflictException {
        if (translation == null) {
            return;
        }
        int current = store.lockVersion(translation.id());
        if (expectedVersion == null || expectedVersion != current) {
            throw new EditConflictException(translation.id(), current);
        }
    }

    private static void checkSlugIsFree(TranslationInput input, Optional<Long> slugOwner,
                                        ArticleStore.TranslationRow translation) throws ArticleRejectedException {
        if (slugOwner.isPresent() && (translation == null || slugOwner.get() != translation.id())) {
            throw new ArticleRejectedException("articles.error.slug-taken",
                    "slug '" + input.slug() + "' is already used by another " + input.language() + " article");
        }
    }

    /** The translation after its words were written, the revision that holds them, and what that changed. */
    private record Revised(ArticleStore.TranslationRow translation, long revisionId, SaveResult.Outcome outcome,
                           boolean changed, boolean newRevision) {
    }

    /** Creates the translation with its first revision, or adds a revision when the words changed and moves the slug. */
    private Revised revise(ArticleStore.ArticleRow article, ArticleStore.TranslationRow translation, TranslationInput input,
                           OffsetDateTime now) {
        String hash = input.contentHash();
        OffsetDateTime revisedAt = input.revisedAt() != null ? input.revisedAt()
                : input.publishedAt() != null ? input.publishedAt() : now;
        if (translation == null) {
            long translationId = store.insertTranslation(article.id(), input.language(), input.slug());
            long revisionId = store.insertRevision(translationId, 1, input, hash, revisedAt);
            ArticleStore.TranslationRow created = store.findTranslation(article.id(), input.language()).orElseThrow();
            return new Revised(created, revisionId, SaveResult.Outcome.CREATED, true, true);
        }
        boolean changed = false;
        boolean newRevision = false;
        long revisionId;
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
        return new Revised(translation, revisionId, SaveResult.Outcome.UPDATED, changed, newRevision);
    }

    /** The importer's status: published as the input says (at its first publication), else a draft. */
    private boolean applyStatus(ArticleStore.ArticleRow article, Revised revised, TranslationInput input, OffsetDateTime now) {
        ArticleStore.TranslationRow translation = revised.translation();
        if (input.published()) {
            boolean newlyPublished = translation.status() != EditorialStatus.PUBLISHED
                    || translation.publishedRevisionId() == null || translation.publishedRevisionId() != revised.revisionId();
            if (!newlyPublished) {
                return false;
            }
            OffsetDateTime publishedAt = translation.publishedAt() != null ? translation.publishedAt()
                    : input.publishedAt() != null ? input.publishedAt() : now;
            store.publish(translation.id(), revised.revisionId(), publishedAt);
            store.recordFirstPublication(article.id(), publishedAt);
            return true;
        }
        boolean wasDraft = translation.status() == EditorialStatus.DRAFT;
        if (wasDraft && revised.outcome() != SaveResult.Outcome.CREATED) {
            return false;
        }
        store.markDraft(translation.id());
        return !wasDraft;
    }

    /** A translation follows the original's revision it was made from: the one named by date, else the published one. */
    private boolean followOriginal(ArticleStore.ArticleRow article, Revised revised, TranslationInput input) {
        if (input.isOriginal() || !(revised.newRevision() || input.translatedFrom() != null)) {
            return false;
        }
        Long source = sourceRevisionOf(article.id(), input);
        if (source == null || source.equals(revised.translation().sourceRevisionId())) {
            return false;
        }
        store.followOriginalRevision(revised.translation().id(), source);
        return true;
    }

    /** Attribution, lead image (an original's, for the article) and taxonomy terms; true when any changed. */
    private boolean saveMetadata(ArticleStore.ArticleRow article, ArticleStore.TranslationRow translation, TranslationInput input) {
        boolean changed = store.updateAttribution(translation.id(), input.attribution());
        if (input.isOriginal()) {
            changed |= store.updateArticleMetadata(article.id(), input.attribution(), input.leadMediaId());
        }
        changed |= taxonomy.assign(article.id(), input.language(), input.isOriginal(), input.regions(), input.countries(), input.tags());
        return changed;
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
        return workflow.changeStatus(translationId, expectedVersion, to, publishAt);
    }

    /**
     * Publishes every scheduled translation whose time has come. It works from what the database says is due, so a
     * run missed while no node was up is made up by the next one.
     *
     * @return how many were published
     */
    @Transactional
    public int publishDue(OffsetDateTime now) {
        return workflow.publishDue(now);
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
        announcer.changed(translation.articleId(), Set.of(language));
        return true;
    }

    /** The original's revision this translation follows: the one named by date, else the current published one. */
    private Long sourceRevisionOf(long articleId, TranslationInput input) {
        if (input.translatedFrom() != null) {
            return store.originalRevisionAt(articleId, input.translatedFrom()).orElse(null);
        }
        return store.originalPublishedRevision(articleId).orElse(null);
    }
}
