package org.iskra.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.site.Slugs;
import org.jsoup.Jsoup;

/**
 * One WordPress post or page as the text of an article in Iskra's terms: its block or classic markup as Markdown,
 * its galleries and images from the uploads folder, its featured image, slug, byline, excerpt, terms and old
 * addresses. What cannot be had (an image missing from the uploads) is a warning in the summary, never a failure.
 */
final class WxrTexts {

    private final WxrIndex index;
    private final RunningSummary tally;
    private final TaxonomyMap taxonomy;
    private final UploadsFolder uploads;

    WxrTexts(WxrIndex index, RunningSummary tally, TaxonomyMap taxonomy, UploadsFolder uploads) {
        this.index = index;
        this.tally = tally;
        this.taxonomy = taxonomy;
        this.uploads = uploads;
    }

    SourceText text(WxrItem item) throws FileRejected {
        String origin = WxrItems.origin(item);
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
            Path local = uploads.forUrl(src);
            if (local == null) {
                tally.warning(origin, "image " + src + (uploads.given() ? " is not in the uploads folder" : " was not imported (no --uploads folder given)")
                        + "; its alt text is shown instead");
                return null;
            }
            int number = indexes.computeIfAbsent(local.toString(), key -> {
                images.add(new SourceText.LocalImage(local, src, null, null));
                return images.size() - 1;
            });
            return SourceText.LOCAL_IMAGE + number;
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
        String author = item.creator() == null ? null : index.channel().authorNames().getOrDefault(item.creator(), item.creator());
        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("category", item.termNames("category"));
        terms.put("post_tag", item.termNames("post_tag"));
        String language = index.language(item);
        MappedTerms mapped = taxonomy.map(terms, language, message -> tally.warning(origin, message));
        return new SourceText(origin, language, slug, title, excerpt.isEmpty() ? null : excerpt, body,
                author == null || author.isBlank() ? null : author, WxrItems.status(item).equals("publish"),
                WxrItems.date(item), WxrItems.gmt(item.modifiedGmt()), null, mapped, images, featured(item, origin),
                WxrItems.addresses(item));
    }

    private String galleryHtml(WxrItem item, List<Long> ids) {
        List<Long> chosen = ids.isEmpty() ? index.attachmentsOf(item.id()) : ids;
        StringBuilder html = new StringBuilder();
        for (long id : chosen) {
            WxrIndex.Attachment attachment = index.attachment(id);
            if (attachment == null || attachment.url() == null) {
                tally.warning(WxrItems.origin(item), "gallery image " + id + " is not in the export");
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
        WxrIndex.Attachment attachment = index.attachment(Long.parseLong(thumbnail.strip()));
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

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
