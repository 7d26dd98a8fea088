package org.iskra.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.iskra.articles.ArticleAddresses;
import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.SaveResult;
import org.iskra.articles.TranslationInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The one path every source's articles take into the database: images, then the original, then each translation,
 * then the old addresses. A text that cannot be saved fails alone: when it is the original, the next text stands in
 * for it, so its translations still come in.
 */
final class ArchiveWriter {

    private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);
    static final String SAVED_BY = "import";
    private static final String SLUG_TAKEN = "articles.error.slug-taken";
    private static final int SLUG_ATTEMPTS = 5;

    private final ArticleWriter writer;
    private final ArticleAddresses addresses;
    private final ImportedImages images;
    private final ImportTransactions transactions;
    private final RunningSummary tally;
    private final Predicate<String> supported;

    ArchiveWriter(ArticleWriter writer, ArticleAddresses addresses, ImportedImages images,
                  ImportTransactions transactions, RunningSummary tally, Predicate<String> supported) {
        this.writer = writer;
        this.addresses = addresses;
        this.images = images;
        this.transactions = transactions;
        this.tally = tally;
        this.supported = supported;
    }

    void write(SourceArticle article) {
        List<SourceText> usable = new ArrayList<>();
        for (SourceText text : article.texts()) {
            if (supported.test(text.language())) {
                usable.add(text);
            } else {
                tally.failed(text.origin(), "unknown language " + text.language()
                        + " (not among the site's languages; import with --add-languages to add it)");
            }
        }
        SourceText original = null;
        SaveResult originalSaved = null;
        TranslationInput originalInput = null;
        List<SourceText> failedOriginals = new ArrayList<>();
        for (SourceText candidate : usable) {
            try {
                Prepared prepared = prepare(candidate, null, null);
                originalInput = input(article.key(), candidate, candidate, prepared, null);
                originalSaved = saveWithFreeSlug(originalInput, candidate);
                original = candidate;
                break;
            } catch (FileRejected e) {
                tally.failed(candidate.origin(), e.getMessage());
                failedOriginals.add(candidate);
            }
        }
        if (original == null) {
            tally.count(RunningSummary.Kind.ARTICLE, RunningSummary.Outcome.FAILED);
            transactions.articleDone();
            return;
        }
        if (!failedOriginals.isEmpty()) {
            tally.warning(original.origin(), "stands as the original, since " + failedOriginals.get(0).origin() + " failed");
        }
        tally.count(RunningSummary.Kind.TRANSLATION, RunningSummary.Outcome.of(originalSaved.outcome()));
        boolean changed = originalSaved.outcome() != SaveResult.Outcome.UNCHANGED;
        changed |= keepAddresses(originalSaved.articleId(), original);

        for (SourceText translation : usable) {
            if (translation == original || failedOriginals.contains(translation)) {
                continue;
            }
            try {
                Prepared prepared = prepare(translation, originalInput.leadMediaId(), originalInput.countries());
                SaveResult saved = saveWithFreeSlug(input(article.key(), translation, original, prepared,
                        originalInput.attribution()), translation);
                tally.count(RunningSummary.Kind.TRANSLATION, RunningSummary.Outcome.of(saved.outcome()));
                changed |= saved.outcome() != SaveResult.Outcome.UNCHANGED;
                changed |= keepAddresses(saved.articleId(), translation);
            } catch (FileRejected e) {
                tally.failed(translation.origin(), e.getMessage());
            }
        }
        tally.count(RunningSummary.Kind.ARTICLE, originalSaved.outcome() == SaveResult.Outcome.CREATED ? RunningSummary.Outcome.CREATED
                : changed ? RunningSummary.Outcome.UPDATED : RunningSummary.Outcome.UNCHANGED);
        transactions.articleDone();
    }

    /** A text's body with its images stored, and the lead image's id. */
    private record Prepared(String body, Long leadMediaId, List<String> countries) {
    }

    private Prepared prepare(SourceText text, Long inheritedLead, List<String> inheritedCountries) throws FileRejected {
        List<ImageReferences.Reference> references = ImageReferences.in(text.body());
        Long firstImage = null;
        List<String> replacements = new ArrayList<>();
        for (ImageReferences.Reference reference : references) {
            String src = reference.src();
            if (!src.startsWith(SourceText.LOCAL_IMAGE)) {
                replacements.add(null);
                continue;
            }
            SourceText.LocalImage image = localImage(text, src);
            Optional<ImportedImages.Stored> stored = image == null ? Optional.empty() : storeImage(text, image);
            if (stored.isPresent()) {
                replacements.add(reference.pointingAt("media:" + stored.get().hash()));
                if (firstImage == null) {
                    firstImage = stored.get().id();
                }
            } else {
                // the reader gets the words the image stood for, never a broken picture
                String alt = reference.altText();
                replacements.add(alt.isEmpty() ? "" : alt);
            }
        }
        int[] index = {0};
        String body = ImageReferences.replace(text.body(), references, reference -> replacements.get(index[0]++));
        Long lead = inheritedLead;
        if (inheritedCountries == null) {
            lead = firstImage;
            if (text.leadImage() != null) {
                Optional<ImportedImages.Stored> named = storeImage(text, text.leadImage());
                if (named.isPresent()) {
                    lead = named.get().id();
                }
            }
        }
        return new Prepared(body, lead, inheritedCountries == null ? text.terms().countries() : inheritedCountries);
    }

    private static SourceText.LocalImage localImage(SourceText text, String src) {
        try {
            int index = Integer.parseInt(src.substring(SourceText.LOCAL_IMAGE.length()));
            return index >= 0 && index < text.images().size() ? text.images().get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<ImportedImages.Stored> storeImage(SourceText text, SourceText.LocalImage image) {
        try {
            return Optional.of(transactions.attempt(() -> images.store(image)));
        } catch (FileRejected e) {
            tally.warning(text.origin(), e.getMessage() + "; its alt text is shown instead");
            return Optional.empty();
        } catch (DataAccessException e) {
            log.warn("Could not store image {}", image.file(), e);
            tally.warning(text.origin(), "image " + image.reference() + ": the database refused it");
            return Optional.empty();
        }
    }

    private static TranslationInput input(String key, SourceText text, SourceText original, Prepared prepared,
                                          String originalAttribution) throws FileRejected {
        if (key.length() > 200) {
            throw new FileRejected("the path is too long to name the article: set a shorter translationKey");
        }
        String attribution = text.attribution() != null ? text.attribution() : originalAttribution;
        return new TranslationInput(key, text.language(), original.language(), text.slug(), text.title(),
                text.standfirst(), prepared.body(), attribution, text.published(), text.publishedAt(), text.revisedAt(),
                text == original ? null : text.translatedFrom(), prepared.leadMediaId(), text.terms().regions(),
                prepared.countries(), text.terms().tags(), SAVED_BY);
    }

    /**
     * Saves the text; when another article of the language already has its slug, the next free one of
     * {@code slug-2} … is taken (the same one again on every import, since the article keeps it).
     */
    private SaveResult saveWithFreeSlug(TranslationInput input, SourceText text) throws FileRejected {
        TranslationInput attempt = input;
        for (int i = 2; ; i++) {
            try {
                TranslationInput current = attempt;
                SaveResult saved = transactions.attempt(() -> save(current));
                if (attempt != input) {
                    tally.warning(text.origin(), "slug " + input.slug() + " is used by another article; saved as " + attempt.slug());
                }
                return saved;
            } catch (SlugTaken e) {
                if (i > SLUG_ATTEMPTS) {
                    throw new FileRejected(e.getMessage());
                }
                attempt = withSlug(input, input.slug() + "-" + i);
            }
        }
    }

    private SaveResult save(TranslationInput input) throws FileRejected {
        try {
            return writer.save(input);
        } catch (ArticleRejectedException e) {
            if (SLUG_TAKEN.equals(e.reason())) {
                throw new SlugTaken(e.getMessage());
            }
            throw new FileRejected(e.getMessage(), e);
        } catch (DataAccessException e) {
            // one file's values the database refuses (a title too long, say) must not end the whole import
            log.warn("Could not save {} ({})", input.translationKey(), input.language(), e);
            throw new FileRejected("the database refused it: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    /**
     * Keeps a text's old addresses, all in one savepoint and one query and batch: they are a few rows, and fail
     * together only with the database.
     */
    private boolean keepAddresses(long articleId, SourceText text) {
        List<String> keepable = new ArrayList<>();
        for (String address : text.oldAddresses()) {
            if (ArticleAddresses.keepable(address)) {
                keepable.add(address);
            } else {
                tally.count(RunningSummary.Kind.REDIRECT, RunningSummary.Outcome.SKIPPED);
            }
        }
        if (keepable.isEmpty()) {
            return false;
        }
        try {
            List<SaveResult.Outcome> outcomes = transactions.attempt(() -> addresses.keepAll(articleId, text.language(), keepable));
            outcomes.forEach(outcome -> tally.count(RunningSummary.Kind.REDIRECT, RunningSummary.Outcome.of(outcome)));
            return outcomes.stream().anyMatch(outcome -> outcome != SaveResult.Outcome.UNCHANGED);
        } catch (FileRejected | DataAccessException e) {
            keepable.forEach(address -> tally.count(RunningSummary.Kind.REDIRECT, RunningSummary.Outcome.FAILED));
            tally.warning(text.origin(), "its old addresses could not be kept: " + e.getMessage());
            return false;
        }
    }

    private static TranslationInput withSlug(TranslationInput input, String slug) {
        return new TranslationInput(input.translationKey(), input.language(), input.originalLanguage(), slug,
                input.title(), input.standfirst(), input.body(), input.attribution(), input.published(),
                input.publishedAt(), input.revisedAt(), input.translatedFrom(), input.leadMediaId(), input.regions(),
                input.countries(), input.tags(), input.savedBy());
    }

    /** Another article of the language has the slug; the writer tries the next one. */
    private static final class SlugTaken extends FileRejected {
        SlugTaken(String reason) {
            super(reason);
        }
    }
}
