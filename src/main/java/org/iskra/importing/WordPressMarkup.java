package org.iskra.importing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WordPress post's content as plain HTML: the block editor's comments ({@code <!-- wp:paragraph -->}) removed,
 * what some of them carry kept ({@code wp:embed} becomes a link), classic content's paragraphs made explicit (as
 * WordPress's autop does when it shows a post), and shortcodes resolved: {@code [caption]} becomes a figure with
 * its caption, {@code [gallery]} its images, {@code [embed]} and oEmbed URLs on a line of their own a link; any
 * other shortcode keeps its inner text and is counted by name.
 */
final class WordPressMarkup {

    /** What turning shortcodes into HTML needs: the images of a gallery, and where to count unknown shortcodes. */
    interface Context {
        /** The HTML of a gallery's images: the attachments named, else those attached to the post. */
        String gallery(List<Long> attachmentIds);

        void unknown(String name);
    }

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*(/?)wp:([a-z0-9/-]+)(\\s+\\{.*?})?\\s*(/?)-->", Pattern.DOTALL);
    private static final Pattern EMBED_URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\[?)(/?)([a-zA-Z][\\w-]*)((?:\\s[^\\]]*?)?)(/?)](\\]?)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern OEMBED_LINE = Pattern.compile("(?m)^\\s*(https?://[^\\s<>\"]+)\\s*$");
    private static final Pattern BLOCK_TAG = Pattern.compile("^\\s*<(?:p|h[1-6]|ul|ol|li|blockquote|table|figure|div|pre|hr|section|dl|iframe|img|form|address|details)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Shortcodes WordPress itself brings, handled here or dropped for good without counting. */
    private static final List<String> DROPPED = List.of("more", "nextpage");
    /** Shortcodes recognised even without attributes or a closing tag. */
    private static final List<String> KNOWN = List.of("caption", "wp_caption", "gallery", "embed", "video", "audio",
            "playlist", "more", "nextpage", "contact-form-7", "contact-form", "wpforms", "vc_row", "vc_column",
            "et_pb_section", "fusion_builder_container");

    private WordPressMarkup() {
    }

    static String toHtml(String content, Context context) {
        boolean blocks = content.contains("<!-- wp:");
        String html = blocks ? withoutBlockComments(content) : autop(content);
        html = shortcodes(html, context, 0);
        html = OEMBED_LINE.matcher(html).replaceAll(m -> Matcher.quoteReplacement("<p><a href=\"" + m.group(1) + "\">" + m.group(1) + "</a></p>"));
        return html;
    }

    private static String withoutBlockComments(String content) {
        Matcher m = BLOCK_COMMENT.matcher(content);
        StringBuilder out = new StringBuilder(content.length());
        while (m.find()) {
            String replacement = "";
            if (m.group(1).isEmpty() && m.group(2).equals("embed") && m.group(3) != null) {
                Matcher url = EMBED_URL.matcher(m.group(3));
                if (url.find()) {
                    String link = url.group(1).replace("\\/", "/");
                    // the block's own markup repeats the URL inside a figure; the link says it once
                    replacement = "<p><a href=\"" + link + "\">" + link + "</a></p><!--iskra-embed-->";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        // drop the embed block's figure that followed its link
        return out.toString().replaceAll("(?s)<!--iskra-embed-->\\s*<figure[^>]*wp-block-embed.*?</figure>", "")
                .replace("<!--iskra-embed-->", "");
    }

    /** Classic content: a blank line ends a paragraph and a single line break is a break, as WordPress shows it. */
    static String autop(String content) {
        String normalized = content.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalized.length() + 64);
        for (String chunk : normalized.split("\n\\s*\n")) {
            String text = chunk.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (BLOCK_TAG.matcher(text).find() || text.startsWith("[")) {
                out.append(text).append('\n');
            } else {
                out.append("<p>").append(text.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }

    private static String shortcodes(String html, Context context, int depth) {
        if (depth > 10 || html.indexOf('[') < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        Matcher tag = SHORTCODE.matcher(html);
        int copied = 0;
        int from = 0;
        while (from < html.length() && tag.find(from)) {
            String name = tag.group(3).toLowerCase(Locale.ROOT);
            out.append(html, copied, tag.start());
            if (!tag.group(1).isEmpty() && !tag.group(6).isEmpty()) {
                // [[name]] is how a post shows a shortcode as text
                out.append(html, tag.start() + 1, tag.end() - 1);
                copied = from = tag.end();
                continue;
            }
            if (!tag.group(2).isEmpty()) {
                copied = from = tag.end();
                continue;
            }
            String attributes = tag.group(4);
            String inner = null;
            int end = tag.end();
            if (tag.group(5).isEmpty()) {
                int close = html.indexOf("[/" + tag.group(3) + "]", tag.end());
                if (close >= 0) {
                    inner = html.substring(tag.end(), close);
                    end = close + tag.group(3).length() + 3;
                }
            }
            if (!KNOWN.contains(name) && inner == null && !attributes.contains("=") && tag.group(5).isEmpty()) {
                // "[sic]", "[1]", "[citation needed]": brackets in the text, not a shortcode
                out.append(html, tag.start(), tag.end());
                copied = from = tag.end();
                continue;
            }
            out.append(replacement(name, attributes, inner, context, depth));
            copied = from = end;
        }
        out.append(html.substring(copied));
        return out.toString();
    }

    private static String replacement(String name, String attributes, String inner, Context context, int depth) {
        switch (name) {
            case "caption", "wp_caption" -> {
                String body = inner == null ? "" : inner;
                Matcher image = Pattern.compile("(?s)(<a[^>]*>\\s*)?<img[^>]*>(\\s*</a>)?").matcher(body);
                if (!image.find()) {
                    return shortcodes(body, context, depth + 1);
                }
                String img = image.group().replaceAll("(?s)</?a[^>]*>", "").strip();
                String caption = (body.substring(0, image.start()) + body.substring(image.end())).strip();
                String captionAttribute = attribute(attributes, "caption");
                if (caption.isEmpty() && captionAttribute != null) {
                    caption = captionAttribute;
                }
                return "<figure>" + img + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
            }
            case "gallery" -> {
                String ids = attribute(attributes, "ids");
                List<Long> list = ids == null ? List.of() : java.util.Arrays.stream(ids.split(","))
                        .map(String::strip).filter(s -> s.matches("\\d+")).map(Long::parseLong).toList();
                return context.gallery(list);
            }
            case "embed" -> {
                String url = inner == null ? attribute(attributes, "src") : inner.strip();
                return url == null || url.isBlank() ? "" : "<p><a href=\"" + url + "\">" + url + "</a></p>";
            }
            case "video", "audio" -> {
                String src = attribute(attributes, "src");
                if (src == null) {
                    src = attribute(attributes, "mp4");
                }
                return src == null ? "" : "<p><a href=\"" + src + "\">" + src + "</a></p>";
            }
            default -> {
                if (!DROPPED.contains(name)) {
                    context.unknown(name);
                }
                return inner == null ? "" : shortcodes(inner, context, depth + 1);
            }
        }
    }

    static String attribute(String attributes, String name) {
        if (attributes == null) {
            return null;
        }
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            }
        }
        return null;
    }
}
