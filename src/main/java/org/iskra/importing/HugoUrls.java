package org.iskra.importing;

import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Hugo published a page, so the old addresses can lead to the imported article: its URL (from {@code url}, the
 * section's permalink pattern, or the file's place), and its {@code aliases}. Hugo puts a language's pages under
 * {@code /{lang}/} except the default language's (unless {@code defaultContentLanguageInSubdir}), lower-cases
 * generated paths, and resolves a relative alias or url against the page's folder.
 */
final class HugoUrls {

    private static final Pattern TOKEN = Pattern.compile(":(year|month|monthname|day|weekday|weekdayname|yearday|section|sections|title|slug|slugorfilename|slugorcontentbasename|filename|contentbasename)\\b");

    private final HugoSite site;
    private final boolean multilingualContent;

    HugoUrls(HugoSite site, boolean multilingualContent) {
        this.site = site;
        this.multilingualContent = multilingualContent;
    }

    /** The page's URL and its aliases, as paths. */
    List<String> addresses(HugoPage page) {
        List<String> addresses = new ArrayList<>();
        String prefix = site.urlPrefix(page.file().languageKey(), multilingualContent);
        String url = url(page, prefix);
        addresses.add(url);
        String folder = url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1);
        String parent = folder.length() > 1 ? folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1) : folder;
        for (String alias : page.meta().aliases()) {
            String a = alias.strip();
            if (a.isEmpty()) {
                continue;
            }
            if (a.startsWith("/") || a.matches("(?i)^https?://.*")) {
                addresses.add(a);
            } else {
                // relative to the folder the page lives in, as Hugo resolves it
                addresses.add(parent + a);
            }
        }
        return addresses;
    }

    private String url(HugoPage page, String prefix) {
        FrontMatter meta = page.meta();
        HugoFile file = page.file();
        if (meta.url() != null) {
            String url = meta.url();
            if (url.startsWith("/") || url.matches("(?i)^https?://.*")) {
                return url;
            }
            return prefix + "/" + url;
        }
        if (file.list()) {
            return (prefix + "/" + file.dirs() + "/").toLowerCase(Locale.ROOT);
        }
        String pattern = site.permalinks().get(file.section());
        if (pattern != null && !file.section().isEmpty()) {
            return prefix + expand(pattern, page);
        }
        String last = meta.slug() != null ? meta.slug() : file.name();
        String dirs = file.bundle() ? parentOf(file.dirs()) : file.dirs();
        String path = (dirs.isEmpty() ? "" : "/" + dirs) + "/" + last + "/";
        return prefix + path.toLowerCase(Locale.ROOT);
    }

    private static String expand(String pattern, HugoPage page) {
        FrontMatter meta = page.meta();
        HugoFile file = page.file();
        OffsetDateTime date = meta.date();
        Matcher token = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String value = switch (token.group(1)) {
                case "year" -> date == null ? "" : String.format("%04d", date.getYear());
                case "month" -> date == null ? "" : String.format("%02d", date.getMonthValue());
                case "monthname" -> date == null ? "" : date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                case "day" -> date == null ? "" : String.format("%02d", date.getDayOfMonth());
                case "weekday" -> date == null ? "" : String.valueOf(date.getDayOfWeek().getValue() % 7);
                case "weekdayname" -> date == null ? "" : date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                case "yearday" -> date == null ? "" : String.format("%03d", date.getDayOfYear());
                case "section" -> file.section();
                case "sections" -> file.bundle() ? parentOf(file.dirs()) : file.dirs();
                case "title" -> urlize(page.title() == null ? file.name() : page.title());
                case "slug" -> meta.slug() != null ? urlize(meta.slug()) : urlize(page.title() == null ? file.name() : page.title());
                default -> meta.slug() != null ? urlize(meta.slug()) : file.name();
            };
            token.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        token.appendTail(out);
        String path = out.toString().replaceAll("/{2,}", "/");
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Hugo's urlize: lower case, spaces to hyphens, punctuation dropped, letters of every script kept. */
    static String urlize(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        return lower.replaceAll("[^\\p{L}\\p{N}\\p{M}_.-]", "");
    }

    private static String parentOf(String dirs) {
        int slash = dirs.lastIndexOf('/');
        return slash < 0 ? "" : dirs.substring(0, slash);
    }
}
