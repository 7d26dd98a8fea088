package org.iskra.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Hugo content folder on disk: finds its Markdown files, works out each one's language in either of Hugo's
 * layouts (by folder, {@code ru/…}; by file name, {@code name.ru.md}), and finds the images they reference.
 * It may also be a whole Hugo site, with the Markdown in {@code content/} and shared images in {@code static/}.
 */
final class ContentFolder {

    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("[a-z]{2}");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final List<String> SITE_CONFIGS = List.of(
            "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json");

    private final Path siteRoot;
    private final Path contentRoot;

    ContentFolder(Path folder) {
        this.siteRoot = folder.toAbsolutePath().normalize();
        Path content = siteRoot.resolve("content");
        boolean wholeSite = Files.isDirectory(content)
                && SITE_CONFIGS.stream().anyMatch(name -> Files.isRegularFile(siteRoot.resolve(name)));
        this.contentRoot = wholeSite ? content : siteRoot;
    }

    /** Every Markdown page, sorted by path; Hugo's list pages ({@code _index.md}) and hidden files are left out. */
    List<HugoFile> files(Collection<String> languages, String defaultLanguage) throws IOException {
        List<HugoFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(contentRoot)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = relative(file);
                if (!relative.toLowerCase(Locale.ROOT).endsWith(".md") || isHidden(relative)) {
                    continue;
                }
                HugoFile hugoFile = place(relative, file, languages, defaultLanguage);
                if (hugoFile != null) {
                    files.add(hugoFile);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    /** How the summary names a file: relative to the content folder, with forward slashes. */
    String relative(Path file) {
        return contentRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The local image file a reference in {@code page} points at, or null when it points elsewhere (a web address,
     * an already imported {@code media:} image): those stay as they are, since the importer downloads nothing.
     */
    Path image(HugoFile page, String src) throws FileRejected {
        String reference = src.strip();
        if (reference.isEmpty()) {
            throw new FileRejected("an image has no path");
        }
        if (URL_SCHEME.matcher(reference).find() || reference.startsWith("//") || reference.startsWith("#")) {
            return null;
        }
        String path = percentDecoded(withoutQueryOrFragment(reference));
        List<Path> candidates = path.startsWith("/")
                ? Stream.of(siteRoot.resolve("static"), contentRoot, siteRoot).distinct()
                        .map(base -> base.resolve(path.substring(1)).normalize()).toList()
                : List.of(page.file().getParent().resolve(path).normalize());
        for (Path candidate : candidates) {
            if (!candidate.startsWith(siteRoot)) {
                throw new FileRejected("image " + src + " lies outside the content folder");
            }
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new FileRejected("missing image " + src);
    }

    private static HugoFile place(String relative, Path file, Collection<String> languages, String defaultLanguage) {
        List<String> segments = new ArrayList<>(Arrays.asList(relative.split("/")));
        String folderLanguage = null;
        if (segments.size() > 1 && languages.contains(segments.get(0))) {
            folderLanguage = segments.remove(0);
        }
        String fileName = segments.remove(segments.size() - 1);
        String name = fileName.substring(0, fileName.length() - ".md".length());
        String fileLanguage = null;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String suffix = name.substring(dot + 1);
            // A configured code, or any two letters: "post.xx.md" must be reported as an unknown language rather
            // than quietly imported as an article whose slug ends in ".xx".
            if (languages.contains(suffix) || LANGUAGE_SUFFIX.matcher(suffix).matches()) {
                fileLanguage = suffix;
                name = name.substring(0, dot);
            }
        }
        if (name.equals("_index")) {
            return null;
        }
        String language = fileLanguage != null ? fileLanguage : folderLanguage != null ? folderLanguage : defaultLanguage;
        if (name.equals("index") && !segments.isEmpty()) {
            // a page bundle: the folder is the page
            return new HugoFile(relative, file, language, String.join("/", segments), segments.get(segments.size() - 1));
        }
        segments.add(name);
        return new HugoFile(relative, file, language, String.join("/", segments), name);
    }

    private static boolean isHidden(String relative) {
        return Arrays.stream(relative.split("/")).anyMatch(segment -> segment.startsWith("."));
    }

    private static String withoutQueryOrFragment(String reference) {
        int cut = reference.length();
        for (char c : new char[] {'?', '#'}) {
            int at = reference.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return reference.substring(0, cut);
    }

    /** Markdown paths may be URL-encoded ({@code my%20photo.jpg}); a "+" stays a plus, unlike in form encoding. */
    static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = text.indexOf('%', i + 1);
                int end = next < 0 ? text.length() : next;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
