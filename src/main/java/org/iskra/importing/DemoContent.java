package org.iskra.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.iskra.articles.ArticleCatalog;
import org.springframework.stereotype.Component;

/**
 * Loads the demo articles shipped in the jar ({@code demo/content/}) into an empty database when
 * {@code iskra.demo} is on. It runs before the application reports ready, so a healthy Iskra already shows them.
 * The import reads a folder on disk, so the resources are first copied out of the jar into a temporary folder.
 */
@Component
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final String LOCATION = "demo/content/";

    private final ArchiveImporter importer;
    private final IskraProperties properties;
    private final ArticleCatalog catalog;

    DemoContent(ArchiveImporter importer, IskraProperties properties, ArticleCatalog catalog) {
        this.importer = importer;
        this.properties = properties;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo()) {
            return;
        }
        if (catalog.hasArticles()) {
            log.debug("Demo content not loaded: the database already has articles");
            return;
        }
        Path folder = Files.createTempDirectory("iskra-demo-");
        try {
            int copied = copyDemoContent(folder);
            if (copied == 0) {
                log.warn("No demo content found on the classpath under {}", LOCATION);
                return;
            }
            ImportSummary summary = importer.importFolder(folder);
            if (summary.succeeded()) {
                log.info("Demo content loaded:\n{}", summary);
            } else {
                log.warn("Demo content loaded with failures:\n{}", summary);
            }
        } catch (RuntimeException e) {
            // a broken demo must not keep the site from starting; the log says what went wrong
            log.error("Demo content could not be loaded", e);
        } finally {
            deleteRecursively(folder);
        }
    }

    /** Copies every file under {@code demo/content/} on the classpath, from a folder or a jar alike. */
    static int copyDemoContent(Path target) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(DemoContent.class.getClassLoader());
        List<String> roots = Stream.of(resolver.getResources("classpath*:" + LOCATION))
                .map(DemoContent::url).filter(url -> url != null).toList();
        int copied = 0;
        for (Resource resource : resolver.getResources("classpath*:" + LOCATION + "**")) {
            String url = url(resource);
            if (url == null || url.endsWith("/") || !resource.isReadable()) {
                continue;
            }
            String relative = relativePath(url, roots);
            if (relative.isEmpty()) {
                continue;
            }
            Path file = target.resolve(relative).normalize();
            if (!file.startsWith(target)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            copied++;
        }
        return copied;
    }

    private static String relativePath(String url, List<String> roots) {
        String relative = roots.stream().filter(url::startsWith).findFirst()
                .map(root -> url.substring(root.length()))
                // a jar without directory entries has no root resource: fall back to the last match of the location
                .orElseGet(() -> {
                    int at = url.lastIndexOf("/" + LOCATION);
                    return at < 0 ? "" : url.substring(at + LOCATION.length() + 1);
                });
        return MarkdownPaths.decoded(relative);
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("Could not delete {}", path, e);
                }
            });
        } catch (IOException e) {
            log.debug("Could not delete {}", folder, e);
        }
    }
}
