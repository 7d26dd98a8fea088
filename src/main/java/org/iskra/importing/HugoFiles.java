package org.iskra.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.iskra.site.LanguageTags;

/**
 * Finds a Hugo site's content files and works out each one's language in any of Hugo's layouts: a content folder
 * per language ({@code contentDir}), a folder per language inside the content folder ({@code content/ru/…}), or
 * the language in the file name ({@code about.ru.md}).
 */
final class HugoFiles {

    private static final List<String> MARKDOWN = List.of("md", "markdown", "mdown");
    private static final List<String> HTML = List.of("html", "htm");
    /** Formats Hugo renders through external tools: reported as skipped rather than silently left out. */
    static final List<String> UNSUPPORTED = List.of("adoc", "asciidoc", "org", "rst", "pandoc", "pdc");

    /** A content file in a format the importer does not read. */
    record Unsupported(String path, String extension) {
    }

    record Found(List<HugoFile> files, List<Unsupported> unsupported) {
    }

    private final HugoSite site;

    HugoFiles(HugoSite site) {
        this.site = site;
    }

    Found find() throws IOException {
        List<HugoFile> files = new ArrayList<>();
        List<Unsupported> unsupported = new ArrayList<>();
        List<Path> languageDirs = site.withContentDir().stream().map(HugoSite.HugoLanguage::contentDir).toList();
        for (HugoSite.HugoLanguage language : site.withContentDir()) {
            walk(language.contentDir(), language.key(), List.of(), files, unsupported);
        }
        if (Files.isDirectory(site.contentRoot())) {
            walk(site.contentRoot(), null, languageDirs, files, unsupported);
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return new Found(files, unsupported);
    }

    private void walk(Path root, String languageKey, List<Path> excluded, List<HugoFile> files,
                      List<Unsupported> unsupported) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Map<String, String> languageFolders = languageKey == null ? languageFolders(root) : Map.of();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (excluded.stream().anyMatch(file::startsWith)) {
                    continue;
                }
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (isHidden(relative)) {
                    continue;
                }
                String extension = extension(relative);
                String path = site.root().relativize(file).toString().replace('\\', '/');
                if (UNSUPPORTED.contains(extension)) {
                    unsupported.add(new Unsupported(path, extension));
                } else if (MARKDOWN.contains(extension) || HTML.contains(extension)) {
                    files.add(place(path, relative, file, languageKey, languageFolders, HTML.contains(extension)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The top folders that are languages, by folder name: those the configuration names; without a configuration,
     * folders named like languages when there are at least two of them (a lone {@code it/} may be a section).
     */
    private Map<String, String> languageFolders(Path root) throws IOException {
        Map<String, String> folders = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path dir : list.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (site.language(name).isPresent()) {
                    folders.put(name, site.language(name).get().key());
                } else if (site.languages().isEmpty() && LanguageTags.normalize(name).isPresent()) {
                    folders.put(name, name);
                }
            }
        }
        if (site.languages().isEmpty() && folders.size() < 2 && !folders.containsKey(site.defaultLanguage())) {
            return Map.of();
        }
        return folders;
    }

    private HugoFile place(String path, String relative, Path file, String rootLanguage, Map<String, String> languageFolders,
                           boolean html) {
        List<String> segments = new ArrayList<>(Arrays.asList(relative.split("/")));
        String folderLanguage = rootLanguage;
        if (folderLanguage == null && segments.size() > 1 && languageFolders.containsKey(segments.get(0))) {
            folderLanguage = languageFolders.get(segments.remove(0));
        }
        String fileName = segments.remove(segments.size() - 1);
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        String fileLanguage = null;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String suffix = name.substring(dot + 1);
            if (isLanguageSuffix(suffix)) {
                fileLanguage = site.language(suffix).map(HugoSite.HugoLanguage::key).orElse(suffix);
                name = name.substring(0, dot);
            }
        }
        String languageKey = fileLanguage != null ? fileLanguage : folderLanguage != null ? folderLanguage : site.defaultLanguage();
        String language = LanguageTags.normalize(languageKey).orElse(languageKey);
        boolean list = name.equals("_index");
        boolean bundle = name.equals("index") && !segments.isEmpty();
        String dirs = String.join("/", segments);
        String pathKey;
        String pageName;
        if (list) {
            pathKey = dirs.isEmpty() ? "_index" : dirs + "/_index";
            pageName = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        } else if (bundle) {
            pathKey = dirs;
            pageName = segments.get(segments.size() - 1);
        } else {
            pathKey = dirs.isEmpty() ? name : dirs + "/" + name;
            pageName = name;
        }
        return new HugoFile(path, file, languageKey, language, pathKey, pageName, dirs, bundle, list, html);
    }

    /** A configured language, a language ICU knows, or any two letters ("post.xx.md" must not become slug "post-xx"). */
    private boolean isLanguageSuffix(String suffix) {
        if (site.language(suffix).isPresent()) {
            return true;
        }
        Optional<String> tag = LanguageTags.normalize(suffix);
        return tag.isPresent() || suffix.matches("[a-z]{2}");
    }

    private static boolean isHidden(String relative) {
        return Arrays.stream(relative.split("/")).anyMatch(segment -> segment.startsWith(".") || segment.startsWith("#")
                || segment.endsWith("~"));
    }

    private static String extension(String relative) {
        int dot = relative.lastIndexOf('.');
        int slash = relative.lastIndexOf('/');
        return dot < 0 || dot < slash ? "" : relative.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
