package org.iskra.articles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a stored Markdown body into the HTML readers get: sections with stable ids, images as captioned and
 * credited figures, and nothing an author could use to run a script. The sanitizer sees only what Markdown
 * produced; figures are written by us after it, from escaped values.
 */
@Component
class BodyRenderer {

    private static final String SIZES = "(min-width: 46rem) 44rem, 100vw";
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "em", "strong", "code",
                    "pre", "hr", "br", "a", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "del")
            .allowAttributes("id").matching(Pattern.compile("[\\p{L}\\p{N}_-]{1,200}")).onElements("h2", "h3", "h4", "h5", "h6")
            .allowAttributes("href").onElements("a")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final MediaLibrary media;

    BodyRenderer(MediaLibrary media) {
        this.media = media;
    }

    String render(String markdown) {
        String placeholder = "ISKRAFIGURE" + UUID.randomUUID().toString().replace("-", "") + "N";
        List<FigureSpec> figures = new ArrayList<>();
        String prepared = FigureShortcodes.extract(markdown == null ? "" : markdown, placeholder, figures);
        Node document = parser.parse(prepared);
        document.accept(new FigureCollector(placeholder, figures));
        String html = POLICY.sanitize(renderer.render(document));

        Set<String> hashes = new HashSet<>();
        figures.forEach(f -> { if (f.mediaHash() != null) hashes.add(f.mediaHash()); });
        Map<String, MediaImage> images = hashes.isEmpty() ? Map.of() : media.findByHashes(hashes);

        StringBuilder out = new StringBuilder(html.length() + figures.size() * 600);
        int position = 0;
        int copied = 0;
        for (Placeholder p = Placeholder.next(html, "<p>" + placeholder, "</p>", 0); p != null;
             p = Placeholder.next(html, "<p>" + placeholder, "</p>", p.end())) {
            FigureSpec figure = figures.get(p.index());
            MediaImage image = figure.mediaHash() == null ? null : images.get(figure.mediaHash());
            out.append(html, copied, p.start()).append(figureHtml(figure, image, position++ == 0));
            copied = p.end();
        }
        return out.append(html, copied, html.length()).toString();
    }

    /** Where a figure's placeholder stands in a text, and which figure it is; found with indexOf, not a pattern. */
    private record Placeholder(int start, int end, int index) {

        static Placeholder next(String haystack, String prefix, String suffix, int from) {
            for (int at = haystack.indexOf(prefix, from); at >= 0; at = haystack.indexOf(prefix, at + 1)) {
                int digits = at + prefix.length();
                int end = digits;
                while (end < haystack.length() && end - digits < 9 && Character.isDigit(haystack.charAt(end))
                        && haystack.charAt(end) < 128) {
                    end++;
                }
                if (end > digits && end - digits < 9 && haystack.startsWith(suffix, end)) {
                    return new Placeholder(at, end + suffix.length(), Integer.parseInt(haystack.substring(digits, end)));
                }
            }
            return null;
        }
    }

    /**
     * The words a reader sees in a body, for the search index: text, code, link texts, and the captions and credits
     * of figures; no markup, no raw HTML, no image addresses. Far cheaper than rendering the page and stripping it,
     * which matters when a whole archive is re-indexed.
     */
    String plainText(String markdown) {
        String placeholder = "ISKRAFIGURE" + UUID.randomUUID().toString().replace("-", "") + "N";
        List<FigureSpec> figures = new ArrayList<>();
        String prepared = FigureShortcodes.extract(markdown == null ? "" : markdown, placeholder, figures);
        StringBuilder text = new StringBuilder(prepared.length());
        parser.parse(prepared).accept(new PlainText(text));
        String words = text.toString();
        StringBuilder out = new StringBuilder(words.length());
        int copied = 0;
        for (Placeholder p = Placeholder.next(words, placeholder, "", 0); p != null;
             p = Placeholder.next(words, placeholder, "", p.end())) {
            FigureSpec figure = figures.get(p.index());
            String shown = (Objects.toString(figure.caption(), "") + " " + Objects.toString(figure.credit(), "")).strip();
            out.append(words, copied, p.start()).append(shown);
            copied = p.end();
        }
        return out.append(words, copied, words.length()).toString().strip();
    }

    /** Collects the text of a Markdown document, a space between inline breaks and a line break after each block. */
    private static final class PlainText extends AbstractVisitor {
        private final StringBuilder text;

        PlainText(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock node) {
            text.append(node.getLiteral()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            text.append(node.getLiteral()).append('\n');
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HtmlBlock node) {
            // the page sanitizes raw HTML away or down to its text; the index leaves it out
        }

        @Override
        public void visit(HtmlInline node) {
        }

        @Override
        public void visit(Image node) {
            // as on the page: a figure shows its caption, an image in running text its alt text
            if (node.getTitle() != null && !node.getTitle().isBlank()) {
                text.append(node.getTitle()).append(' ');
            }
            visitChildren(node);
        }

        @Override
        protected void visitChildren(Node parent) {
            super.visitChildren(parent);
            if (parent instanceof Block && !(parent instanceof org.commonmark.node.Document)) {
                text.append('\n');
            }
        }
    }

    private static String figureHtml(FigureSpec figure, MediaImage image, boolean first) {
        StringBuilder html = new StringBuilder("<figure>");
        if (image != null) {
            String webp = image.srcset("webp");
            html.append("<picture>");
            if (!webp.isEmpty()) {
                html.append("<source type=\"image/webp\" srcset=\"").append(webp).append("\" sizes=\"").append(SIZES).append("\">");
            }
            var fallback = image.fallback();
            html.append("<img src=\"").append(fallback.url())
                    .append("\" srcset=\"").append(image.srcset("jpeg"))
                    .append("\" sizes=\"").append(SIZES)
                    .append("\" width=\"").append(image.width())
                    .append("\" height=\"").append(image.height())
                    .append("\" alt=\"").append(escape(figure.alt()))
                    .append(first ? "\" decoding=\"async\">" : "\" loading=\"lazy\" decoding=\"async\">")
                    .append("</picture>");
        } else if (RemoteImages.isWebAddress(figure.src())) {
            // another site's image would tell that site who reads the article: readers get a link to it instead
            String words = !figure.alt().isBlank() ? figure.alt()
                    : figure.caption() != null && !figure.caption().isBlank() ? figure.caption() : figure.src();
            html.append("<p>").append(RemoteImages.link(figure.src(), escape(words))).append("</p>");
        } else {
            return figure.alt().isBlank() ? "" : "<p>" + escape(figure.alt()) + "</p>";
        }
        String credit = figure.credit() != null ? figure.credit() : image != null ? image.credit() : null;
        String creditLink = figure.credit() != null ? figure.creditLink() : image != null ? image.creditLink() : null;
        boolean hasCaption = figure.caption() != null && !figure.caption().isBlank();
        boolean hasCredit = credit != null && !credit.isBlank();
        if (hasCaption || hasCredit) {
            html.append("<figcaption>");
            if (hasCaption) {
                html.append("<span class=\"caption\">").append(escape(figure.caption())).append("</span>");
            }
            if (hasCredit) {
                html.append(" <small class=\"credit\">");
                if (creditLink != null && creditLink.matches("https?://[^\\s\"<>]+")) {
                    html.append("<a href=\"").append(escape(creditLink)).append("\" rel=\"noopener nofollow\">")
                            .append(escape(credit)).append("</a>");
                } else {
                    html.append(escape(credit));
                }
                html.append("</small>");
            }
            html.append("</figcaption>");
        }
        return html.append("</figure>").toString();
    }

    private static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    /** Makes each image that stands alone in its paragraph a figure, and keeps {@code h1} for the page title. */
    private static final class FigureCollector extends AbstractVisitor {
        private final String placeholder;
        private final List<FigureSpec> figures;

        FigureCollector(String placeholder, List<FigureSpec> figures) {
            this.placeholder = placeholder;
            this.figures = figures;
        }

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() == 1) {
                heading.setLevel(2);
            }
            visitChildren(heading);
        }

        @Override
        public void visit(Paragraph paragraph) {
            Node only = paragraph.getFirstChild();
            if (only instanceof Image image && only.getNext() == null) {
                String src = image.getDestination();
                figures.add(new FigureSpec(FigureSpec.hashOf(src), src, textOf(image), image.getTitle(), null, null));
                image.unlink();
                paragraph.appendChild(new Text(placeholder + (figures.size() - 1)));
                return;
            }
            visitChildren(paragraph);
        }

        /**
         * No image inside running text is shown as one: a stored image has no room there for its sizes and credit,
         * and another site's image would tell that site who reads the article. Readers get the alt text, as a link
         * to the image when it is another site's.
         */
        @Override
        public void visit(Image image) {
            String destination = image.getDestination();
            if (FigureSpec.hashOf(destination) == null && RemoteImages.isWebAddress(destination)) {
                Link link = new Link(destination, null);
                String words = textOf(image);
                link.appendChild(new Text(words.isBlank() ? destination : words));
                image.insertBefore(link);
            } else {
                image.insertBefore(new Text(textOf(image)));
            }
            image.unlink();
        }

        private static String textOf(Node node) {
            StringBuilder text = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    text.append(t.getLiteral());
                }
            });
            return text.toString();
        }
    }
}
