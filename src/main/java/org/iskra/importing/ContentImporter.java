package org.iskra.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iskra.articles.ArticleRejectedException;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.SaveResult;
import org.iskra.articles.TranslationInput;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.site.IskraProperties;
import org.iskra.site.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Loads a Hugo content folder into the database: each article's original first, then its translations, each
 * image stored once. A bad file is reported in the summary and the rest still imports; importing the same folder
 * again changes nothing.
 */
@Service
public class ContentImporter {

    private static final Logger log = LoggerFactory.getLogger(ContentImporter.class);
    static final String SAVED_BY = "import";
    private static final String MEDIA_PREFIX = "media:";
    private static final int MAX_KEY_LENGTH = 200;

    private final ArticleWriter writer;
    private final MediaLibrary media;
    private final Languages languages;
    private final IskraProperties properties;

    ContentImporter(ArticleWriter writer, MediaLibrary media, Languages languages, IskraProperties properties) {
        this.writer = writer;
        this.media = media;
        this.languages = languages;
        this.properties = properties;
    }

    public ImportSummary importFolder(Path folder) {
        Tally tally = new Tally();
        if (!Files.isDirectory(folder)) {
            tally.failed(folder.toString(), "not a folder");
            return tally.summary();
        }
        ContentFolder content = new ContentFolder(folder);
        List<HugoFile> files;
        try {
            files = content.files(properties.languages(), properties.defaultLanguage());
        } catch (IOException e) {
            tally.failed(folder.toString(), "cannot read the folder: " + e.getMessage());
            return tally.summary();
        }

        List<Page> pages = new ArrayList<>();
        List<HugoFile> unreadable = new ArrayList<>();
        for (HugoFile file : files) {
            try {
                pages.add(Page.read(file));
            } catch (FileRejected e) {
                unreadable.add(file);
                // "unknown language" says more than anything wrong inside a file nobody could publish anyway
                tally.failed(file.path(), languages.supports(file.language()) ? e.getMessage()
                        : ArticleGroup.unknownLanguage(file.language()));
            }
        }

        ImportedImages images = new ImportedImages(media, tally);
        Set<String> failedPathKeys = new HashSet<>();
        Set<String> importedPathKeys = new HashSet<>();
        for (ArticleGroup group : ArticleGroup.of(pages, unreadable, languages::supports)) {
            group.rejections().forEach(rejection -> tally.failed(rejection.path(), rejection.reason()));
            boolean saved = importGroup(group, content, images, tally);
            Set<String> keys = saved ? importedPathKeys : failedPathKeys;
            keys.add(group.key());
            if (group.original() != null) {
                keys.add(group.original().file().pathKey());
            }
        }
        // a file nobody could read stands for an article of its own unless it sits beside files that were imported
        unreadable.stream().map(HugoFile::pathKey).distinct()
                .filter(pathKey -> !importedPathKeys.contains(pathKey) && !failedPathKeys.contains(pathKey))
                .forEach(pathKey -> tally.article(Tally.Outcome.FAILED));

        ImportSummary summary = tally.summary();
        ImportSummary.Counts translations = summary.translations();
        log.info("Imported {}: {} translations created, {} updated, {} unchanged, {} failed; {} new images", folder,
                translations.created(), translations.updated(), translations.unchanged(), translations.failed(),
                summary.images().created());
        return summary;
    }

    /** Saves one article: the original, then each translation. Returns whether the original was saved. */
    private boolean importGroup(ArticleGroup group, ContentFolder content, ImportedImages images, Tally tally) {
        Page original = group.original();
        if (original == null) {
            tally.article(Tally.Outcome.FAILED);
            return false;
        }
        SaveResult originalSaved;
        TranslationInput originalInput;
        try {
            Images shown = storeImages(original, content, images);
            Long lead = leadImage(original, shown, content, images);
            originalInput = input(group.key(), original, original, shown.body(), original.meta().attribution(),
                    lead, original.meta().countries());
            originalSaved = save(originalInput);
            log.debug("{}: {}", original.path(), originalSaved.outcome());
        } catch (FileRejected | RuntimeException e) {
            tally.failed(original.path(), reason(original, e));
            for (Page translation : group.translations()) {
                tally.failed(translation.path(), "original failed: " + original.path());
            }
            tally.article(Tally.Outcome.FAILED);
            return false;
        }
        tally.translation(originalSaved.outcome());
        boolean changed = originalSaved.outcome() != SaveResult.Outcome.UNCHANGED;

        for (Page translation : group.translations()) {
            try {
                Images shown = storeImages(translation, content, images);
                String attribution = translation.meta().attribution() != null
                        ? translation.meta().attribution() : originalInput.attribution();
                SaveResult saved = save(input(group.key(), translation, original, shown.body(), attribution,
                        originalInput.leadMediaId(), originalInput.countries()));
                log.debug("{}: {}", translation.path(), saved.outcome());
                tally.translation(saved.outcome());
                changed |= saved.outcome() != SaveResult.Outcome.UNCHANGED;
            } catch (FileRejected | RuntimeException e) {
                tally.failed(translation.path(), reason(translation, e));
            }
        }
        tally.article(originalSaved.outcome() == SaveResult.Outcome.CREATED ? Tally.Outcome.CREATED
                : changed ? Tally.Outcome.UPDATED : Tally.Outcome.UNCHANGED);
        return true;
    }

    /** A page's body with its local images stored and pointing at them, and the first of them. */
    private record Images(String body, MediaImage first) {
    }

    private Images storeImages(Page page, ContentFolder content, ImportedImages images) throws FileRejected {
        List<ImageReferences.Reference> references = ImageReferences.in(page.body());
        Map<ImageReferences.Reference, String> sources = new HashMap<>();
        MediaImage first = null;
        for (ImageReferences.Reference reference : references) {
            if (reference.src().startsWith(MEDIA_PREFIX)) {
                continue;
            }
            Path file = localImage(page, reference.src(), content, images);
            if (file == null) {
                continue;
            }
            MediaImage image = images.store(file, reference.src(), reference.credit(), reference.creditLink());
            sources.put(reference, MEDIA_PREFIX + image.hash());
            if (first == null) {
                first = image;
            }
        }
        return new Images(ImageReferences.rewrite(page.body(), references, sources::get), first);
    }

    /** The image named by {@code image:} or {@code images:} in the front matter, else the body's first. */
    private Long leadImage(Page original, Images shown, ContentFolder content, ImportedImages images)
            throws FileRejected {
        String named = original.meta().image();
        if (named != null) {
            Path file = localImage(original, named, content, images);
            if (file != null) {
                return images.store(file, named, null, null).id();
            }
        }
        return shown.first() == null ? null : shown.first().id();
    }

    private static Path localImage(Page page, String src, ContentFolder content, ImportedImages images)
            throws FileRejected {
        try {
            return content.image(page.file(), src);
        } catch (FileRejected e) {
            images.missing(page.file().file().getParent(), src);
            throw e;
        }
    }

    private static TranslationInput input(String key, Page page, Page original, String body, String attribution,
                                          Long leadMediaId, List<String> countries) throws FileRejected {
        FrontMatter meta = page.meta();
        if (key.length() > MAX_KEY_LENGTH) {
            throw new FileRejected("the path is too long to name the article: set a shorter translationKey");
        }
        return new TranslationInput(key, page.language(), original.language(), page.slug(), meta.title(),
                meta.description(), body, attribution, !meta.draft(), meta.date(), meta.lastmod(),
                page == original ? null : meta.translatedFrom(), leadMediaId, meta.regions(), countries,
                meta.tags(), SAVED_BY);
    }

    private SaveResult save(TranslationInput input) throws FileRejected {
        try {
            return writer.save(input);
        } catch (ArticleRejectedException e) {
            throw new FileRejected(e.getMessage(), e);
        } catch (DataAccessException e) {
            // one file's values the database refuses (a title too long, say) must not end the whole import
            log.warn("Could not save {} ({})", input.translationKey(), input.language(), e);
            throw new FileRejected("the database refused it: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    /** Why a file failed; a surprise gets a stack trace in the log, since the summary line alone cannot explain it. */
    private static String reason(Page page, Exception e) {
        if (e instanceof FileRejected) {
            return e.getMessage();
        }
        log.warn("Unexpected failure importing {}", page.path(), e);
        return "unexpected error: " + e;
    }
}
