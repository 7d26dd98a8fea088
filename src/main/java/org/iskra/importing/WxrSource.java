package org.iskra.importing;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.iskra.site.LanguageTags;
import org.iskra.site.Slugs;
import org.jsoup.Jsoup;

/**
 * A WordPress export (WXR 1.1 or 1.2) as a source of articles, read twice as a stream. The first pass notes each
 * post's and page's status, language and translation group (Polylang's {@code post_translations} term, or WPML
 * Export and Import's {@code _wpml_import_*} meta) and every attachment; the second converts each post and hands
 * over an article once all of its translations have been read.
 */
final class WxrSource implements ImportSource {

    private static final Set<String> IMPORTED_TYPES = Set.of("post", "page");
    /** WordPress's own bookkeeping, never content: left out without a word. */
    private static final Set<String> INTERNAL_TYPES = Set.of("attachment", "nav_menu_item", "revision", "wp_block",
            "wp_navigation", "wp_template", "wp_template_part", "wp_global_styles", "custom_css", "customize_changeset",
            "oembed_cache", "user_request", "wp_font_family", "wp_font_face", "polylang_mo");

    /** What the first pass keeps of a post or page. */
    private record Entry(long id, String language, String group, boolean source, OffsetDateTime date) {
    }

    private record Attachment(String file, String url, String alt, String caption, long parent) {
    }

    private final Path file;
    private final ImportOptions options;
    private final Tally tally;
    private final TaxonomyMap taxonomy;
    private final UploadsFolder uploads;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<Long, Attachment> attachments = new HashMap<>();
    private final Map<String, List<Long>> groups = new LinkedHashMap<>();
    private final Map<Long, String> groupOf = new HashMap<>();
    private final Set<String> languages = new LinkedHashSet<>();
    private WxrReader.Channel channel;
    private String host;
    private String defaultLanguage;
    private int items;

    WxrSource(Path file, ImportOptions options, Tally tally, TaxonomyMap taxonomy) {
        this.file = file;
        this.options = options;
        this.tally = tally;
        this.taxonomy = taxonomy;
        this.uploads = new UploadsFolder(options.uploads());
    }

    @Override
    public void prepare() throws UnreadableSourceException {
        try (WxrReader reader = new WxrReader(file)) {
            channel = reader.channel();
            host = host(channel.baseSiteUrl() != null ? channel.baseSiteUrl() : channel.link());
            defaultLanguage = channel.language() == null ? "en"
                    : LanguageTags.normalize(channel.language()).orElse("en");
            for (WxrItem item = reader.next(); item != null; item = reader.next()) {
                index(item);
            }
        }
        for (Map.Entry<String, List<Long>> group : groups.entrySet()) {
            group.getValue().sort(originalFirst());
            group.getValue().forEach(id -> groupOf.put(id, group.getKey()));
        }
        if (entries.isEmpty() && items == 0) {
            throw new UnreadableSourceException("the export holds no posts or pages");
        }
    }

    private void index(WxrItem item) {
        if (item.type().equals("attachment")) {
            attachments.put(item.id(), new Attachment(item.meta().get("_wp_attached_file"), item.attachmentUrl(),
                    item.meta().get("_wp_attachment_image_alt"), Jsoup.parse(item.excerpt()).text(), item.parent()));
            return;
        }
        if (INTERNAL_TYPES.contains(item.type())) {
            return;
        }
        items++;
        String origin = origin(item);
        if (!IMPORTED_TYPES.contains(item.type())) {
            tally.skipped(origin, "a " + item.type() + ", not a post or a page");
            return;
        }
        String status = status(item);
        switch (status) {
            case "private" -> {
                tally.skipped(origin, "private");
                return;
            }
            case "trash" -> {
                tally.skipped(origin, "in the trash");
                return;
            }
            case "auto-draft", "inherit" -> {
                tally.skipped(origin, "an automatic draft");
                return;
            }
            default -> { }
        }
        String language = language(item);
        languages.add(language);
        String wpmlGroup = item.meta().get("_wpml_import_translation_group");
        String polylangGroup = item.term("post_translations");
        String group = wpmlGroup != null && !wpmlGroup.isBlank() ? "wpml:" + wpmlGroup.strip()
                : polylangGroup != null ? "pll:" + polylangGroup : "post:" + item.id();
        String sourceLanguage = item.meta().get("_wpml_import_source_language_code");
        boolean source = wpmlGroup != null && (sourceLanguage == null || sourceLanguage.isBlank());
        entries.put(item.id(), new Entry(item.id(), language, group, source, date(item)));
        groups.computeIfAbsent(group, key -> new ArrayList<>()).add(item.id());
    }

    /**
     * The original of a group first: WPML's source (no source language), else the oldest (a translation is made
     * after its original), else the export's language; the rest follow oldest first.
     */
    private Comparator<Long> originalFirst() {
        return Comparator.comparing((Long id) -> !entries.get(id).source())
                .thenComparing(id -> entries.get(id).date(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(id -> !entries.get(id).language().equals(defaultLanguage))
                .thenComparing(id -> id);
    }

    @Override
    public int size() {
        return items;
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    @Override
    public void read(Consumer<SourceArticle> articles, Consumer<Integer> done) throws UnreadableSourceException {
        done.accept(items - entries.size());
        Map<String, Integer> arrived = new HashMap<>();
        try (WxrReader reader = new WxrReader(file); ItemSpool spool = new ItemSpool()) {
            for (WxrItem item = reader.next(); item != null; item = reader.next()) {
                String group = groupOf.get(item.id());
                if (group == null || !entries.containsKey(item.id())) {
                    continue;
                }
                spool.put(item);
                List<Long> members = groups.get(group);
                if (arrived.merge(group, 1, Integer::sum) == members.size()) {
                    arrived.remove(group);
                    List<SourceText> texts = new ArrayList<>();
                    for (long id : members) {
                        WxrItem member = spool.take(id);
                        try {
                            texts.add(text(member));
                        } catch (FileRejected e) {
                            tally.failed(origin(member), e.getMessage());
                        }
                    }
                    if (texts.isEmpty()) {
                        tally.count(Tally.Kind.ARTICLE, Tally.Outcome.FAILED);
                    } else {
                        articles.accept(new SourceArticle("wp:" + host + ":" + members.get(0), texts));
                    }
                    done.accept(members.size());
                }
            }
        }
    }

    private SourceText text(WxrItem item) throws FileRejected {
        String origin = origin(item);
        String title = Jsoup.parse(item.title()).text().strip();
        List<SourceText.LocalImage> images = new ArrayList<>();
        WordPressMarkup.Context context = new WordPressMarkup.Context() {
            @Override
            public String gallery(List<Long> ids) {
                return galleryHtml(item, ids);
            }

            @Override
            public void unknown(String name) {
                tally.unknownShortcode(name);
            }
        };
        String html = WordPressMarkup.toHtml(item.content(), context);
        Map<String, Integer> indexes = new HashMap<>();
        String body = HtmlToMarkdown.convert(html, src -> {
            java.nio.file.Path local = uploads.forUrl(src);
            if (local == null) {
                tally.warning(origin, "image " + src + (uploads.given() ? " is not in the uploads folder" : " was not imported (no --uploads folder given)")
                        + "; its alt text is shown instead");
                return null;
            }
            int index = indexes.computeIfAbsent(local.toString(), key -> {
                images.add(new SourceText.LocalImage(local, src, null, null));
                return images.size() - 1;
            });
            return SourceText.LOCAL_IMAGE + index;
        });
        if (title.isEmpty()) {
            throw new FileRejected("no title");
        }
        String slug = Slugs.of(MarkdownPaths.decoded(item.name()));
        if (slug.isEmpty()) {
            slug = Slugs.of(title);
        }
        if (slug.isEmpty()) {
            slug = item.type() + "-" + item.id();
        }
        String excerpt = Jsoup.parse(item.excerpt()).text().strip();
        String author = item.creator() == null ? null : channel.authorNames().getOrDefault(item.creator(), item.creator());
        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("category", item.termNames("category"));
        terms.put("post_tag", item.termNames("post_tag"));
        MappedTerms mapped = taxonomy.map(terms, language(item), message -> tally.warning(origin, message));
        return new SourceText(origin, language(item), slug, title, excerpt.isEmpty() ? null : excerpt, body,
                author == null || author.isBlank() ? null : author, status(item).equals("publish"), date(item),
                gmt(item.modifiedGmt()), null, mapped, images, featured(item, origin), addresses(item));
    }

    private String galleryHtml(WxrItem item, List<Long> ids) {
        List<Long> chosen = ids.isEmpty()
                ? attachments.entrySet().stream().filter(a -> a.getValue().parent() == item.id()).map(Map.Entry::getKey).sorted().toList()
                : ids;
        StringBuilder html = new StringBuilder();
        for (long id : chosen) {
            Attachment attachment = attachments.get(id);
            if (attachment == null || attachment.url() == null) {
                tally.warning(origin(item), "gallery image " + id + " is not in the export");
                continue;
            }
            html.append("<figure><img src=\"").append(escape(attachment.url())).append("\" alt=\"")
                    .append(escape(attachment.alt() == null ? "" : attachment.alt())).append("\">");
            if (attachment.caption() != null && !attachment.caption().isBlank()) {
                html.append("<figcaption>").append(escape(attachment.caption())).append("</figcaption>");
            }
            html.append("</figure>\n");
        }
        return html.toString();
    }

    private SourceText.LocalImage featured(WxrItem item, String origin) {
        String thumbnail = item.meta().get("_thumbnail_id");
        if (thumbnail == null || !thumbnail.strip().matches("\\d+")) {
            return null;
        }
        Attachment attachment = attachments.get(Long.parseLong(thumbnail.strip()));
        if (attachment == null) {
            tally.warning(origin, "the featured image (attachment " + thumbnail.strip() + ") is not in the export");
            return null;
        }
        Path local = attachment.file() != null ? uploads.forRelative(attachment.file()) : null;
        if (local == null) {
            local = uploads.forUrl(attachment.url());
        }
        if (local == null) {
            tally.warning(origin, "the featured image " + (attachment.file() != null ? attachment.file() : attachment.url())
                    + (uploads.given() ? " is not in the uploads folder" : " was not imported (no --uploads folder given)"));
            return null;
        }
        return new SourceText.LocalImage(local, attachment.file(), null, null);
    }

    /** The post's permalink path and its short link ({@code /?p=123}, {@code /?page_id=7}). */
    private static List<String> addresses(WxrItem item) {
        List<String> addresses = new ArrayList<>();
        if (item.link() != null && !item.link().isBlank() && !item.link().contains("?p=") && !item.link().contains("?page_id=")) {
            addresses.add(item.link().strip());
        }
        addresses.add((item.type().equals("page") ? "/?page_id=" : "/?p=") + item.id());
        return addresses;
    }

    /** WPML Export and Import may have held the real status back while it worked; its meta names it. */
    private static String status(WxrItem item) {
        String held = item.meta().get("_wpml_import_after_process_post_status");
        return held != null && !held.isBlank() ? held.strip() : item.status();
    }

    private String language(WxrItem item) {
        String code = item.meta().get("_wpml_import_language_code");
        if (code == null || code.isBlank()) {
            code = item.term("language");
        }
        if (code == null || code.isBlank()) {
            return defaultLanguage;
        }
        return LanguageTags.normalize(code).orElse(code.strip());
    }

    private static OffsetDateTime date(WxrItem item) {
        OffsetDateTime gmt = gmt(item.postDateGmt());
        return gmt != null ? gmt : gmt(item.postDate());
    }

    private static OffsetDateTime gmt(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String origin(WxrItem item) {
        return (item.type().isEmpty() ? "item" : item.type()) + " " + item.id();
    }

    private static String host(String url) {
        if (url == null) {
            return "wordpress";
        }
        String h = url.replaceFirst("(?i)^https?://", "");
        int slash = h.indexOf('/');
        h = slash < 0 ? h : h.substring(0, slash);
        return h.isBlank() ? "wordpress" : h.toLowerCase(java.util.Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
