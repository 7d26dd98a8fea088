package org.iskra.articles;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
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
 * produced; figures are written by us after it, from escaped values. The words for the search index are
 * {@link BodyText}'s.
 */
@Component
class BodyRenderer {

    private static final String SIZES = "(min-width: 46rem) 44rem, 100vw";
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "em", "strong", "code",
                    "pre", "hr", "br", "a", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "del")
            .allowAttributes("id").matching(Pattern.compile("[\\p{L}\\p{N}_-]{1,200}")).onElements("h2", "h3", "h4", "h5", "h6")
            .allowAttributes("href").onElements("a")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener")
            .toFactory();

    private final Parser parser = BodyMarkdown.parser();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(BodyMarkdown.EXTENSIONS).build();
    private final MediaLibrary media;

    BodyRenderer(MediaLibrary media) {
        this.media = media;
    }

    String render(String markdown) {
        FigurePlaceholders figures = FigurePlaceholders.of(markdown);
        Node document = parser.parse(figures.markdown());
        document.accept(new FigureCollector(figures));
        String html = POLICY.sanitize(renderer.render(document));

        Set<String> hashes = new HashSet<>();
        figures.figures().forEach(f -> { if (f.mediaHash() != null) hashes.add(f.mediaHash()); });
        Map<String, MediaImage> images = hashes.isEmpty() ? Map.of() : media.findByHashes(hashes);

        return figures.putBack(html, "<p>", "</p>", figures.figures().size() * 600, (figure, position) -> {
            MediaImage image = figure.mediaHash() == null ? null : images.get(figure.mediaHash());
            return figureHtml(figure, image, position == 0);
        });
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
        private final FigurePlaceholders figures;

        FigureCollector(FigurePlaceholders figures) {
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
                String placeholder = figures.add(new FigureSpec(FigureSpec.hashOf(src), src, textOf(image), image.getTitle(), null, null));
                image.unlink();
                paragraph.appendChild(new Text(placeholder));
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
