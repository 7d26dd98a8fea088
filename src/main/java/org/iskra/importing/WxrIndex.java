package org.iskra.importing;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iskra.site.LanguageTags;
import org.jsoup.Jsoup;

/**
 * What the first pass over a WordPress export learns: each post's and page's status, language and translation group
 * (Polylang's {@code post_translations} term, or WPML Export and Import's {@code _wpml_import_*} meta), and every
 * attachment. The second pass needs it to know when a group is complete and which of its members is the original.
 */
final class WxrIndex {

    private static final Set<String> IMPORTED_TYPES = Set.of("post", "page");
    /** WordPress's own bookkeeping, never content: left out without a word. */
    private static final Set<String> INTERNAL_TYPES = Set.of("attachment", "nav_menu_item", "revision", "wp_block",
            "wp_navigation", "wp_template", "wp_template_part", "wp_global_styles", "custom_css", "customize_changeset",
            "oembed_cache", "user_request", "wp_font_family", "wp_font_face", "polylang_mo");

    /** What the first pass keeps of a post or page. */
    private record Entry(long id, String language, String group, boolean source, OffsetDateTime date) {
    }

    record Attachment(String file, String url, String alt, String caption, long parent) {
    }

    private final RunningSummary tally;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<Long, Attachment> attachments = new HashMap<>();
    private final Map<String, List<Long>> groups = new LinkedHashMap<>();
    private final Map<Long, String> groupOf = new HashMap<>();
    private final Set<String> languages = new LinkedHashSet<>();
    private WxrReader.Channel channel;
    private String host;
    private String defaultLanguage;
    private int items;

    private WxrIndex(RunningSummary tally) {
        this.tally = tally;
    }

    /** Reads the export through once; what is skipped (private, trashed …) is counted in {@code tally}. */
    static WxrIndex read(Path file, RunningSummary tally) throws UnreadableSourceException {
        WxrIndex index = new WxrIndex(tally);
        try (WxrReader reader = new WxrReader(file)) {
            index.channel = reader.channel();
            WxrReader.Channel channel = index.channel;
            index.host = WxrItems.host(channel.baseSiteUrl() != null ? channel.baseSiteUrl() : channel.link());
            index.defaultLanguage = channel.language() == null ? "en"
                    : LanguageTags.normalize(channel.language()).orElse("en");
            for (WxrItem item = reader.next(); item != null; item = reader.next()) {
                index.index(item);
            }
        }
        for (Map.Entry<String, List<Long>> group : index.groups.entrySet()) {
            group.getValue().sort(index.originalFirst());
            group.getValue().forEach(id -> index.groupOf.put(id, group.getKey()));
        }
        if (index.entries.isEmpty() && index.items == 0) {
            throw new UnreadableSourceException("the export holds no posts or pages");
        }
        return index;
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
        String origin = WxrItems.origin(item);
        if (!IMPORTED_TYPES.contains(item.type())) {
            tally.skipped(origin, "a " + item.type() + ", not a post or a page");
            return;
        }
        switch (WxrItems.status(item)) {
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
        entries.put(item.id(), new Entry(item.id(), language, group, source, WxrItems.date(item)));
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

    /** The item's language: WPML's meta, else Polylang's term, else the export's. */
    String language(WxrItem item) {
        String code = item.meta().get("_wpml_import_language_code");
        if (code == null || code.isBlank()) {
            code = item.term("language");
        }
        if (code == null || code.isBlank()) {
            return defaultLanguage;
        }
        return LanguageTags.normalize(code).orElse(code.strip());
    }

    /** Posts, pages and anything else that is content, imported or skipped. */
    int items() {
        return items;
    }

    /** The posts and pages to import. */
    int imported() {
        return entries.size();
    }

    boolean imports(long id) {
        return entries.containsKey(id);
    }

    /** The translation group of a post to import, or null. */
    String groupOf(long id) {
        return groupOf.get(id);
    }

    /** A group's members, its original first. */
    List<Long> members(String group) {
        return groups.get(group);
    }

    Set<String> languages() {
        return languages;
    }

    String host() {
        return host;
    }

    WxrReader.Channel channel() {
        return channel;
    }

    Attachment attachment(long id) {
        return attachments.get(id);
    }

    /** The attachments uploaded to a post, by id: a gallery that names none shows them. */
    List<Long> attachmentsOf(long parent) {
        return attachments.entrySet().stream().filter(a -> a.getValue().parent() == parent).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
