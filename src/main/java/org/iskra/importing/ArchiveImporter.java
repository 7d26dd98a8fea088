package org.iskra.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.iskra.articles.ArticleAddresses;
import org.iskra.articles.ArticleWriter;
import org.iskra.media.MediaLibrary;
import org.iskra.site.IskraProperties;
import org.iskra.site.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Imports a site's archive: a Hugo site or content folder, or a WordPress export. Each source hands its articles to
 * one {@link ArchiveWriter}, which writes translations, images and old addresses alike; languages found in the
 * content join the site's when asked. A bad file is reported in the summary and the rest still imports; importing
 * the same archive again changes nothing that did not change.
 */
@Service
public class ArchiveImporter {

    private static final Logger log = LoggerFactory.getLogger(ArchiveImporter.class);
    private static final int BATCH = 50;

    private final ArticleWriter writer;
    private final ArticleAddresses addresses;
    private final MediaLibrary media;
    private final Languages languages;
    private final IskraProperties properties;
    private final PlatformTransactionManager transactions;

    ArchiveImporter(ArticleWriter writer, ArticleAddresses addresses, MediaLibrary media, Languages languages,
                    IskraProperties properties, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.addresses = addresses;
        this.media = media;
        this.languages = languages;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** A Hugo content folder or site root, with the defaults: what the demo content needs. */
    public ImportSummary importFolder(Path folder) {
        return run(ImportOptions.of(folder), ImportProgress.NONE);
    }

    public ImportSummary run(ImportOptions options, ImportProgress progress) {
        RunningSummary tally = new RunningSummary();
        ImportSource source;
        try {
            TaxonomyMap map = options.map() == null ? TaxonomyMap.defaults() : TaxonomyMap.read(options.map());
            source = open(options, tally, map);
            source.prepare();
        } catch (FileRejected | UnreadableSourceException e) {
            tally.unreadable(options.source().getFileName() == null ? options.source().toString()
                    : options.source().getFileName().toString(), e.getMessage());
            return tally.summary(options.dryRun());
        }
        Predicate<String> supported = supportedLanguages(source.languages(), options, tally);
        ImportTransactions batches = new ImportTransactions(transactions, options.dryRun(), BATCH);
        ArchiveWriter archive = new ArchiveWriter(writer, addresses, new ImportedImages(media, tally, options.dryRun()),
                batches, tally, supported);
        progress.started(source.size());
        try {
            new ImportPipeline(source, archive, progress).run();
            batches.finish();
        } catch (UnreadableSourceException e) {
            batches.abandon();
            tally.unreadable(options.source().getFileName().toString(), e.getMessage());
        } catch (RuntimeException e) {
            batches.abandon();
            throw e;
        } finally {
            progress.finished();
        }
        ImportSummary summary = tally.summary(options.dryRun());
        log.info("Imported {}{}: {} articles created, {} updated; {} translations failed", options.source(),
                options.dryRun() ? " (dry run)" : "", summary.articles().created(), summary.articles().updated(),
                summary.translations().failed());
        return summary;
    }

    private ImportSource open(ImportOptions options, RunningSummary tally, TaxonomyMap map) throws UnreadableSourceException {
        Path path = options.source();
        if (Files.isDirectory(path)) {
            return new HugoSource(path, options, tally, map, properties.defaultLanguage());
        }
        if (!Files.isRegularFile(path)) {
            throw new UnreadableSourceException("no such file or folder: " + path);
        }
        return new WxrSource(path, options, tally, map);
    }

    /**
     * The site's languages, and with {@code --add-languages} those of the content too. A dry run adds nothing and
     * reports what it would add.
     */
    private Predicate<String> supportedLanguages(Set<String> found, ImportOptions options, RunningSummary tally) {
        Set<String> missing = new TreeSet<>();
        for (String code : found) {
            if (!languages.supports(code) && org.iskra.site.LanguageTags.normalize(code).filter(code::equals).isPresent()) {
                missing.add(code);
            }
        }
        if (!options.addLanguages() || missing.isEmpty()) {
            return languages::supports;
        }
        List<String> added = options.dryRun() ? new ArrayList<>(missing) : languages.add(missing, options.by());
        added.forEach(tally::languageAdded);
        Set<String> pretended = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        pretended.addAll(missing);
        return code -> languages.supports(code) || pretended.contains(code);
    }
}
