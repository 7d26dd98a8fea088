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

/** Saves translations: the one write path for the importer, and later the editor, so every change looks alike. */
@Service
public class ArticleWriter {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ArticleStore store;
    private final Taxonomy taxonomy;
    private final ArticleChangeLog changeLog;
    private final ApplicationEventPublisher events;

    ArticleWriter(ArticleStore store, Taxonomy taxonomy, ArticleChangeLog changeLog, ApplicationEventPublisher events) {
        this.store = store;
        this.changeLog = changeLog;
        this.taxonomy = taxonomy;
        this.events = events;
    }

    @Transactional(rollbackFor = ArticleRejectedException.class)
    public SaveResult save(TranslationInput input) throws ArticleRejectedException {
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
            article = store.insertArticle(input.translationKey(), input.originalLanguage(), input.attribution());
            articleCreated = true;
        } else if (!article.originalLanguage().equals(input.originalLanguage())) {
            throw new ArticleRejectedException("articles.error.original-changed",
                    "'" + input.translationKey() + "' was written in " + article.originalLanguage() + ", not " + input.originalLanguage());
        }

        Optional<Long> slugOwner = store.translationIdBySlug(input.language(), input.slug());
        ArticleStore.TranslationRow translation = store.findTranslation(article.id(), input.language()).orElse(null);
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
                changed = true;
            }
            outcome = SaveResult.Outcome.UPDATED;
        }

        if (input.published()) {
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

        if (!input.isOriginal() && (newRevision || input.translatedFrom() != null)) {
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
            Set<String> languages = input.isOriginal() ? store.languagesOf(article.id()) : Set.of(input.language());
            ArticleChanged change = new ArticleChanged(article.id(), languages);
            changeLog.record(change);
            events.publishEvent(change);
        }
        return new SaveResult(article.id(), translation.id(), outcome);
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
