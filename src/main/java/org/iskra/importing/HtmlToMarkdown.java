package org.iskra.importing;

import java.util.List;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * HTML (a WordPress post, a Hugo {@code .html} page) as the Markdown Iskra stores: headings, paragraphs, lists,
 * quotes, tables, code and figures; links and emphasis inside them. Anything else (scripts, styles, iframes, forms,
 * classes and inline styles) is dropped and only its text kept, so nothing of the old markup reaches a reader.
 * An iframe of a known video site becomes a link to the video.
 */
final class HtmlToMarkdown {

    /** Where an image's address should point: a local image, the address as it was, or null to show its alt text. */
    private final UnaryOperator<String> images;
    private final StringBuilder out = new StringBuilder();

    private HtmlToMarkdown(UnaryOperator<String> images) {
        this.images = images;
    }

    static String convert(String html, UnaryOperator<String> images) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        HtmlToMarkdown converter = new HtmlToMarkdown(images);
        converter.blocks(document.body(), "");
        return converter.out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private void blocks(Element parent, String indent) {
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element element && isBlock(element)) {
                flush(inline, indent);
                block(element, indent);
            } else {
                InlineMarkdown.append(node, inline);
            }
        }
        flush(inline, indent);
    }

    private void flush(StringBuilder inline, String indent) {
        String text = inline.toString().strip();
        if (!text.isEmpty()) {
            paragraph(text, indent);
        }
        inline.setLength(0);
    }

    private void paragraph(String text, String indent) {
        for (String line : text.split("\n", -1)) {
            out.append(indent).append(line.strip().isEmpty() ? "" : line).append('\n');
        }
        out.append(indent.isBlank() ? "\n" : indent.stripTrailing() + "\n");
    }

    private void block(Element element, String indent) {
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = InlineMarkdown.of(element).replace('\n', ' ').strip();
                if (!text.isEmpty()) {
                    out.append(indent).append("#".repeat(tag.charAt(1) - '0')).append(' ').append(text).append("\n\n");
                }
            }
            case "p" -> {
                String text = InlineMarkdown.of(element).strip();
                if (!text.isEmpty()) {
                    paragraph(text, indent);
                }
            }
            case "ul", "ol" -> list(element, indent, tag.equals("ol"));
            case "blockquote" -> {
                HtmlToMarkdown quoted = new HtmlToMarkdown(images);
                quoted.blocks(element, "");
                for (String line : quoted.out.toString().strip().split("\n")) {
                    out.append(indent).append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
                out.append('\n');
            }
            case "pre" -> {
                String code = element.wholeText().replaceAll("\n+$", "");
                String fence = code.contains("```") ? "~~~" : "```";
                out.append(indent).append(fence).append('\n');
                code.lines().forEach(line -> out.append(indent).append(line).append('\n'));
                out.append(indent).append(fence).append("\n\n");
            }
            case "hr" -> out.append(indent).append("---\n\n");
            case "table" -> table(element, indent);
            case "figure" -> figure(element, indent);
            case "img" -> {
                String image = image(element, null);
                if (!image.isEmpty()) {
                    out.append(indent).append(image).append("\n\n");
                }
            }
            case "iframe", "video", "audio", "embed", "object" -> {
                String link = mediaLink(element.attr("src"));
                if (link != null) {
                    out.append(indent).append("[").append(link).append("](").append(link).append(")\n\n");
                }
            }
            case "script", "style", "noscript", "form", "button", "select", "textarea", "input", "svg", "template", "head" -> {
            }
            default -> blocks(element, indent);
        }
    }

    private void list(Element list, String indent, boolean ordered) {
        int number = 1;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            HtmlToMarkdown content = new HtmlToMarkdown(images);
            content.blocks(item, "");
            String[] lines = content.out.toString().strip().split("\n");
            String continuation = " ".repeat(marker.length());
            boolean first = true;
            for (String line : lines) {
                if (first) {
                    out.append(indent).append(marker).append(line).append('\n');
                    first = false;
                } else {
                    out.append(line.isEmpty() ? "" : indent + continuation + line).append('\n');
                }
            }
        }
        out.append('\n');
    }

    private void table(Element table, String indent) {
        List<Element> rows = table.select("tr");
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.stream().mapToInt(row -> row.select("> th, > td").size()).max().orElse(0);
        if (columns == 0) {
            return;
        }
        boolean first = true;
        for (Element row : rows) {
            List<Element> cells = row.select("> th, > td");
            out.append(indent).append('|');
            for (int i = 0; i < columns; i++) {
                String text = i < cells.size() ? InlineMarkdown.of(cells.get(i)).replace('\n', ' ').replace("|", "\\|").strip() : "";
                out.append(' ').append(text).append(" |");
            }
            out.append('\n');
            if (first) {
                out.append(indent).append('|').append(" --- |".repeat(columns)).append('\n');
                first = false;
            }
        }
        out.append('\n');
    }

    /** A figure: its image with the figcaption as caption, as the figure shortcode Iskra renders. */
    private void figure(Element figure, String indent) {
        List<Element> imgs = figure.select("img");
        Element caption = figure.selectFirst("figcaption");
        String captionText = caption == null ? "" : InlineMarkdown.text(caption);
        if (imgs.isEmpty()) {
            if (caption != null) {
                caption.remove();
            }
            blocks(figure, indent);
            if (!captionText.isEmpty()) {
                paragraph(captionText, indent);
            }
            return;
        }
        for (Element img : imgs) {
            String image = imgs.size() == 1 ? image(img, captionText) : image(img, null);
            if (!image.isEmpty()) {
                out.append(indent).append(image).append("\n\n");
            }
        }
        if (imgs.size() > 1 && !captionText.isEmpty()) {
            paragraph(captionText, indent);
        }
    }

    /** An image as a figure shortcode (so caption and alt text survive), or "" when it has no address. */
    private String image(Element img, String caption) {
        String src = img.attr("src").strip();
        if (src.isEmpty() || src.startsWith("data:")) {
            return "";
        }
        String target = images.apply(src);
        if (target == null) {
            // an image that cannot be had: the reader gets the words it stood for
            String words = img.attr("alt").isBlank() ? (caption == null ? "" : caption) : img.attr("alt");
            return InlineMarkdown.escape(words.strip());
        }
        StringBuilder figure = new StringBuilder("{{< figure src=\"").append(quoted(target)).append('"');
        String alt = img.attr("alt").strip();
        if (!alt.isEmpty()) {
            figure.append(" alt=\"").append(quoted(alt)).append('"');
        }
        if (caption != null && !caption.isBlank()) {
            figure.append(" caption=\"").append(quoted(caption.strip())).append('"');
        }
        return figure.append(" >}}").toString();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ');
    }

    private static boolean isBlock(Element element) {
        return switch (element.normalName()) {
            case "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "h1", "h2", "h3", "h4",
                 "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table", "figure", "iframe", "video", "audio",
                 "embed", "object", "dl", "dd", "dt", "address", "details", "summary", "form", "center" -> true;
            case "img" -> element.parent() != null && (element.parent().normalName().equals("body")
                    || element.parent().normalName().equals("div"));
            default -> false;
        };
    }

    /** The page of a video an iframe embeds, for a plain link; null for anything else. */
    static String mediaLink(String src) {
        String s = src == null ? "" : src.strip();
        java.util.regex.Matcher youtube = java.util.regex.Pattern.compile("youtube(?:-nocookie)?\\.com/embed/([\\w-]{6,20})").matcher(s);
        if (youtube.find()) {
            return "https://www.youtube.com/watch?v=" + youtube.group(1);
        }
        java.util.regex.Matcher vimeo = java.util.regex.Pattern.compile("player\\.vimeo\\.com/video/(\\d+)").matcher(s);
        if (vimeo.find()) {
            return "https://vimeo.com/" + vimeo.group(1);
        }
        return s.matches("https?://[^\\s\"<>]+") ? s : null;
    }
}
