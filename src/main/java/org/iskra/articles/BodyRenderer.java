package org.iskra.articles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
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
                    "pre", "hr", "br", "a", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "del", "img")
            .allowAttributes("id").matching(Pattern.compile("[\\p{L}\\p{N}_-]{1,200}")).onElements("h2", "h3", "h4", "h5", "h6")
            .allowAttributes("href").onElements("a")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowAttributes("src", "alt", "width", "height", "loading").onElements("img")
            .allowElements((name, attributes) -> {
                // an image without alt text would be announced by its file name: say nothing instead
                boolean hasAlt = false;
                for (int i = 0; i < attributes.size(); i += 2) {
                    hasAlt |= attributes.get(i).equals("alt");
                }
                if (!hasAlt) {
                    attributes.add("alt");
                    attributes.add("");
                }
                return name;
            }, "img")
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

        Matcher m = Pattern.compile("<p>" + placeholder + "(\\d+)</p>").matcher(html);
        StringBuilder out = new StringBuilder(html.length() + figures.size() * 600);
        int position = 0;
        while (m.find()) {
            FigureSpec figure = figures.get(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(figureHtml(figure, images.get(figure.mediaHash()), position++ == 0)));
        }
        m.appendTail(out);
        return out.toString();
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
        Matcher m = Pattern.compile(placeholder + "(\\d+)").matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            FigureSpec figure = figures.get(Integer.parseInt(m.group(1)));
            String words = (Objects.toString(figure.caption(), "") + " " + Objects.toString(figure.credit(), "")).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString().strip();
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
        } else if (figure.src().startsWith("https://") || figure.src().startsWith("http://")) {
            html.append("<img src=\"").append(escape(figure.src())).append("\" alt=\"").append(escape(figure.alt()))
                    .append("\" loading=\"lazy\">");
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

        @Override
        public void visit(Image image) {
            // A stored image inside running text has no room for its sizes and credit: readers get its alt text.
            if (FigureSpec.hashOf(image.getDestination()) != null) {
                image.insertBefore(new Text(textOf(image)));
                image.unlink();
                return;
            }
            visitChildren(image);
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
