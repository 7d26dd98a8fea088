package org.iskra.mirror;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.TranslationStamp;
import org.iskra.feeds.FeedFiles;
import org.iskra.media.MediaLibrary;
import org.iskra.privacy.KeyFolder;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.PageFrames;
import org.springframework.stereotype.Component;

/**
 * Writes the public site into a folder as static files. It starts from every language's front page, search page and
 * every published translation, and follows the links each page has (listings and their pages, regions, countries,
 * tags, feeds, images, the stylesheet), so the mirror holds exactly what a reader can reach. Pages are rendered,
 * rewritten and written one at a time: memory holds the addresses seen, not the pages. Then come the sitemaps,
 * robots.txt, the media variants and assets the pages named, the removal of what is no longer published, and the
 * signed manifest.
 */
@Component
public class MirrorWriter {

    /** What a run did; {@code pages} counts the HTML pages rendered. */
    public record Summary(Path dir, int pages, int files, int written, int unchanged, int removed, long millis,
                          String keyFingerprint) {

        public double millisPerPage() {
            return pages == 0 ? 0 : (double) millis / pages;
        }

        @Override
        public String toString() {
            return "Mirror in %s: %d pages, %d files: %d written, %d unchanged, %d removed; %d ms, %.2f ms per page. Signed by key %s."
                    .formatted(dir, pages, files, written, unchanged, removed, millis, millisPerPage(), keyFingerprint);
        }
    }

    /** Told how far a run got: pages done of the pages found so far. */
    public interface Progress {
        void pages(int done, int found);
    }

    private final Languages languages;
    private final MirrorPages pages;
    private final FeedFiles feeds;
    private final ArticleCatalog catalog;
    private final MediaLibrary media;
    private final PageFrames frames;
    private final KeyFolder keyFolder;
    private final LinkRewriter.Bases bases;

    MirrorWriter(Languages languages, MirrorPages pages, FeedFiles feeds, ArticleCatalog catalog, MediaLibrary media,
                 PageFrames frames, KeyFolder keyFolder, IskraProperties site, MirrorProperties mirror) {
        this.languages = languages;
        this.pages = pages;
        this.feeds = feeds;
        this.catalog = catalog;
        this.media = media;
        this.frames = frames;
        this.keyFolder = keyFolder;
        this.bases = new LinkRewriter.Bases(site.baseUrl(),
                mirror.baseUrl().isEmpty() ? site.baseUrl() : mirror.baseUrl(),
                mirror.joinUrl().isEmpty() ? site.baseUrl() : mirror.joinUrl());
    }

    /** The installation's signing key, created on first use beside the personal-data key file. */
    KeyPair signingKey() {
        return SigningKey.loadOrCreate(keyFolder.file(SigningKey.FILE_NAME));
    }

    /** A run from the command line: rendering on every processor. */
    public Summary write(Path target, Progress progress) throws IOException {
        return write(target, progress, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** @param threads how many pages render at once: one inside a node that serves readers meanwhile */
    public Summary write(Path target, Progress progress, int threads) throws IOException {
        long started = System.nanoTime();
        Path dir = target.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        KeyPair key = signingKey();
        try (FileChannel lockFile = FileChannel.open(dir.resolve(Manifest.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockFile, dir)) {
            MirrorFiles files = new MirrorFiles(dir, Manifest.previous(dir), MirrorFiles.manifestWrittenAt(dir));
            int rendered = crawl(files, progress, threads);
            for (Map.Entry<String, byte[]> sitemap : feeds.sitemaps().entrySet()) {
                files.write(sitemap.getKey().substring(1), canonical(sitemap.getValue()));
            }
            files.write("robots.txt", canonical(feeds.robots()));
            int removed = files.removeLeftovers();
            Manifest manifest = files.manifest();
            byte[] manifestBytes = manifest.bytes();
            // written again whenever a file was, even with the same bytes: its time tells the next run which files
            // someone else changed since (see MirrorFiles)
            boolean anyWritten = files.written() > 0 || removed > 0;
            if (anyWritten || !sameBytes(dir.resolve(Manifest.FILE), manifestBytes)) {
                replace(dir.resolve(Manifest.FILE), manifestBytes);
            }
            writeIfChanged(dir.resolve(Manifest.SIGNATURE), SigningKey.sign(key.getPrivate(), manifestBytes));
            writeIfChanged(dir.resolve(Manifest.PUBLIC_KEY), SigningKey.pem(key.getPublic()).getBytes(StandardCharsets.US_ASCII));
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Summary(dir, rendered, manifest.entries().size(), files.written(), files.unchanged(), removed,
                    millis, SigningKey.fingerprint(key.getPublic()));
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("another mirror run is writing " + dir);
        }
        return lock;
    }

    private int crawl(MirrorFiles files, Progress progress, int threads) throws IOException {
        List<TranslationStamp> published = catalog.allPublished().stream()
                .filter(stamp -> languages.supports(stamp.language())).toList();
        Map<String, List<TranslationStamp>> byLanguage = published.stream()
                .collect(Collectors.groupingBy(TranslationStamp::language, LinkedHashMap::new, Collectors.toList()));
        MirrorCrawl crawl = new MirrorCrawl();
        crawl.page("/", 1);
        for (Language language : languages.all()) {
            crawl.page("/" + language.code() + "/", 1);
            crawl.page("/" + language.code() + "/search", 1);
        }
        published.forEach(stamp -> crawl.page(stamp.path(), 1));
        int rendered = crawl.run(threads, address -> indexScript(address, byLanguage)
                        .or(() -> pages.render(address.path(), address.page(), bases.serverBase())),
                new LinkRewriter(bases), files, this::canonical, progress);
        for (String name : new java.util.TreeSet<>(crawl.mediaFiles())) {
            if (name.matches("[A-Za-z0-9._-]+")) {
                files.writeNamedByContent("media/" + name, () -> media.openVariant(name).orElse(null));
            }
        }
        for (String asset : new java.util.TreeSet<>(crawl.assets())) {
            Optional<byte[]> bytes = frames.assetBytes(asset);
            if (bytes.isPresent()) {
                files.write(asset.substring(1), bytes.get());
            }
        }
        return rendered;
    }

    private Optional<MirrorPages.Page> indexScript(MirrorCrawl.Address address, Map<String, List<TranslationStamp>> byLanguage) {
        if (!address.path().endsWith("/search-index.js") || address.page() != 1) {
            return Optional.empty();
        }
        return languages.all().stream().filter(language -> address.path().equals(MirrorSearch.indexPath(language)))
                .findFirst()
                .map(language -> new MirrorPages.Page(MirrorSearch.index(byLanguage.getOrDefault(language.code(), List.of())), false));
    }

    /** Feeds, sitemaps and robots.txt name the live site in full; a mirror with an address of its own names that. */
    private byte[] canonical(byte[] bytes) {
        if (bases.canonicalBase().equals(bases.liveBase())) {
            return bytes;
        }
        return new String(bytes, StandardCharsets.UTF_8).replace(bases.liveBase() + "/", bases.canonicalBase() + "/")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        return Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (!sameBytes(file, bytes)) {
            replace(file, bytes);
        }
    }

    private static void replace(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
