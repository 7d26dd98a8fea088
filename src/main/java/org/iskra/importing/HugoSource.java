package org.iskra.importing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.iskra.site.Slugs;

/**
 * A Hugo site (a root with its configuration, or a content folder alone) as a source of articles. The first pass
 * reads every file's front matter to group translations and pick originals; the second reads one article's files at
 * a time, turns shortcodes and HTML into Markdown and finds the images.
 */
final class HugoSource implements ImportSource {

    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path folder;
    private final ImportOptions options;
    private final RunningSummary tally;
    private final TaxonomyMap taxonomy;
    private final String fallbackLanguage;
    private HugoSite site;
    private HugoUrls urls;
    private List<HugoGroups.Group> groups = List.of();
    private final Set<String> languages = new LinkedHashSet<>();
    private final Map<String, String> keyByPath = new HashMap<>();
    private final Map<String, Map<String, String>> slugs = new HashMap<>();
    private int files;
    private final Set<String> missingImages = new java.util.HashSet<>();

    HugoSource(Path folder, ImportOptions options, RunningSummary tally, TaxonomyMap taxonomy, String fallbackLanguage) {
        this.folder = folder;
        this.options = options;
        this.tally = tally;
        this.taxonomy = taxonomy;
        this.fallbackLanguage = fallbackLanguage;
    }

    @Override
    public void prepare() throws UnreadableSourceException {
        try {
            site = HugoConfig.isSiteRoot(folder) ? HugoConfig.site(folder, fallbackLanguage)
                    : new HugoSite(folder, folder, fallbackLanguage, false, Map.of(), Map.of(), null);
        } catch (FileRejected e) {
            throw new UnreadableSourceException(e.getMessage(), e);
        }
        HugoFiles.Found found;
        try {
            found = new HugoFiles(site).find();
        } catch (IOException e) {
            throw new UnreadableSourceException("cannot read the folder: " + e.getMessage(), e);
        }
        found.unsupported().forEach(file -> tally.skipped(file.path(), "." + file.extension() + " content is not read (Markdown and HTML are)"));
        List<HugoPage> pages = new ArrayList<>();
        Set<String> unreadable = new LinkedHashSet<>();
        for (HugoFile file : found.files()) {
            try {
                pages.add(HugoPage.read(file, false));
            } catch (FileRejected e) {
                tally.failed(file.path(), e.getMessage());
                unreadable.add(file.pathKey());
            }
        }
        files = found.files().size();
        if (files == 0 && found.unsupported().isEmpty()) {
            throw new UnreadableSourceException("no content files (.md, .markdown, .html) in " + folder);
        }
        if (pages.isEmpty() && found.unsupported().isEmpty()) {
            throw new UnreadableSourceException("not one content file could be read (see each file's reason)");
        }
        groups = HugoGroups.of(pages, site.defaultLanguage(), options.drafts(), tally);
        // a file nobody could read stands for an article of its own unless it sits beside pages of one
        Set<String> grouped = new java.util.HashSet<>();
        pages.forEach(page -> grouped.add(page.file().pathKey()));
        unreadable.stream().filter(key -> !grouped.contains(key))
                .forEach(key -> tally.count(RunningSummary.Kind.ARTICLE, RunningSummary.Outcome.FAILED));
        boolean multilingual = pages.stream().map(HugoPage::language).distinct().count() > 1;
        urls = new HugoUrls(site, multilingual);
        for (HugoGroups.Group group : groups) {
            for (HugoPage page : group.pages()) {
                languages.add(page.language());
                keyByPath.putIfAbsent(page.file().pathKey().toLowerCase(Locale.ROOT), group.key());
                String slug = slug(page);
                if (slug != null) {
                    slugs.computeIfAbsent(group.key(), key -> new HashMap<>()).putIfAbsent(page.language().toLowerCase(Locale.ROOT), page.language() + "\n" + slug);
                }
            }
        }
    }

    @Override
    public int size() {
        return files;
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    /** Which configuration the import read, for the log. */
    String configuration() {
        return site.configFile();
    }

    @Override
    public void read(Consumer<SourceArticle> articles, Consumer<Integer> done) {
        int inGroups = groups.stream().mapToInt(group -> group.pages().size()).sum();
        // skipped and unreadable files were dealt with in the first pass
        done.accept(files - inGroups);
        for (HugoGroups.Group group : groups) {
            List<SourceText> texts = new ArrayList<>();
            for (HugoPage page : group.pages()) {
                try {
                    texts.add(text(HugoPage.read(page.file(), true)));
                } catch (FileRejected e) {
                    tally.failed(page.path(), e.getMessage());
                }
            }
            if (!texts.isEmpty()) {
                articles.accept(new SourceArticle(group.key(), texts));
            } else {
                tally.count(RunningSummary.Kind.ARTICLE, RunningSummary.Outcome.FAILED);
            }
            done.accept(group.pages().size());
        }
    }

    private SourceText text(HugoPage page) throws FileRejected {
        FrontMatter meta = page.meta();
        if (page.title() == null) {
            throw new FileRejected("no title: the front matter has none and the text starts with no heading");
        }
        String slug = slug(page);
        if (slug == null) {
            throw new FileRejected("no usable slug in '" + (meta.slug() != null ? meta.slug() : page.file().name())
                    + "': set slug: in the front matter");
        }
        String path = page.path();
        Shortcodes.Context context = new Shortcodes.Context() {
            @Override
            public String refUrl(String target, String language) {
                return HugoSource.this.refUrl(page, target, language);
            }

            @Override
            public void unknown(String name) {
                tally.unknownShortcode(name);
            }

            @Override
            public void warning(String message) {
                tally.warning(path, message);
            }
        };
        String body = Shortcodes.convert(page.body(), page.language(), context);
        if (page.file().html()) {
            body = HtmlToMarkdown.convert(body, src -> src);
        }
        List<SourceText.LocalImage> images = new ArrayList<>();
        body = localImages(page, body, images);
        SourceText.LocalImage lead = null;
        if (meta.image() != null) {
            Path file = imageFile(page, meta.image());
            if (file != null) {
                lead = new SourceText.LocalImage(file, meta.image(), null, null);
            } else if (!isRemote(meta.image())) {
                tally.warning(path, "missing lead image " + meta.image());
            }
        }
        MappedTerms terms = taxonomy.map(meta.taxonomies(), page.language(), message -> tally.warning(path, message));
        return new SourceText(path, page.language(), slug, page.title(), meta.description(), body, meta.attribution(),
                !meta.draft(), meta.date(), meta.lastmod(), meta.translatedFrom(), terms, images, lead, urls.addresses(page));
    }

    /** Points each local image at its file (as {@code local-image:N}); a missing one becomes its alt text, with a warning. */
    private String localImages(HugoPage page, String body, List<SourceText.LocalImage> images) throws FileRejected {
        List<ImageReferences.Reference> references = ImageReferences.in(body);
        Map<Path, Integer> indexes = new HashMap<>();
        return ImageReferences.replace(body, references, reference -> {
            String src = reference.src();
            if (isRemote(src) || src.startsWith("media:")) {
                return null;
            }
            Path file = imageFile(page, src);
            if (file == null) {
                tally.warning(page.path(), "missing image " + src + "; its alt text is shown instead");
                if (missingImages.add(page.file().file().getParent() + "\n" + src)) {
                    tally.count(RunningSummary.Kind.IMAGE, RunningSummary.Outcome.FAILED);
                }
                return reference.altText();
            }
            int index = indexes.computeIfAbsent(file, f -> {
                images.add(new SourceText.LocalImage(f, src, reference.credit(), reference.creditLink()));
                return images.size() - 1;
            });
            return reference.pointingAt(SourceText.LOCAL_IMAGE + index);
        });
    }

    private static boolean isRemote(String src) {
        String s = src.strip();
        return URL_SCHEME.matcher(s).find() || s.startsWith("//") || s.startsWith("#");
    }

    /** The file an image reference names: beside the page (a bundle), else in static/ or assets/. Null when missing. */
    private Path imageFile(HugoPage page, String src) {
        String path = MarkdownPaths.decoded(withoutQueryOrFragment(src.strip()));
        if (path.isEmpty()) {
            return null;
        }
        Path root = site.root();
        List<Path> candidates = new ArrayList<>();
        if (path.startsWith("/")) {
            String relative = path.substring(1);
            Stream.of(root.resolve("static"), root.resolve("assets"), site.contentRoot(), root).distinct()
                    .forEach(base -> candidates.add(base.resolve(relative)));
        } else {
            candidates.add(page.file().file().getParent().resolve(path));
            candidates.add(root.resolve("assets").resolve(path));
            candidates.add(root.resolve("static").resolve(path));
        }
        for (Path candidate : candidates) {
            Path normal = candidate.normalize();
            if (normal.startsWith(root) && Files.isRegularFile(normal)) {
                return normal;
            }
        }
        return null;
    }

    /** The address of the imported article a {@code ref} names, in the language asked for, else its original's. */
    private String refUrl(HugoPage from, String target, String language) {
        String t = target.strip().replace('\\', '/');
        String base = from.file().dirs();
        List<String> candidates = new ArrayList<>();
        String cleaned = t.replaceAll("\\.(md|markdown|html?)$", "").replaceAll("/(_?index)$", "").replaceAll("/$", "");
        cleaned = cleaned.replaceAll("\\.[a-z]{2}(-[a-z]{2,4})?$", "");
        if (cleaned.startsWith("/")) {
            candidates.add(cleaned.substring(1));
        } else {
            if (!base.isEmpty()) {
                candidates.add(Path.of(base).resolve(cleaned).normalize().toString().replace('\\', '/'));
            }
            candidates.add(cleaned);
        }
        for (String candidate : candidates) {
            String key = keyByPath.get(candidate.toLowerCase(Locale.ROOT));
            if (key == null) {
                key = keyByPath.entrySet().stream().filter(e -> e.getKey().endsWith("/" + candidate.toLowerCase(Locale.ROOT)))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (key != null) {
                Map<String, String> bySlug = slugs.getOrDefault(key, Map.of());
                String found = bySlug.get(language.toLowerCase(Locale.ROOT));
                if (found == null) {
                    found = bySlug.values().stream().findFirst().orElse(null);
                }
                if (found != null) {
                    String[] parts = found.split("\n");
                    return "/" + parts[0] + "/articles/" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static String slug(HugoPage page) {
        String source = page.meta().slug() != null ? page.meta().slug() : page.file().name();
        String slug = Slugs.of(source);
        if (slug.isEmpty() && page.title() != null) {
            slug = Slugs.of(page.title());
        }
        return slug.isEmpty() ? null : slug;
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
}
