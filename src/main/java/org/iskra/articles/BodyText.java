package org.iskra.articles;

import java.util.Objects;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.springframework.stereotype.Component;

/**
 * The words a reader sees in a body, for the search index: text, code, link texts, and the captions and credits
 * of figures; no markup, no raw HTML, no image addresses. Far cheaper than rendering the page ({@link BodyRenderer})
 * and stripping it, which matters when a whole archive is re-indexed. It never looks images up.
 */
@Component
class BodyText {

    private final Parser parser = BodyMarkdown.parser();

    String plainText(String markdown) {
        FigurePlaceholders figures = FigurePlaceholders.of(markdown);
        StringBuilder text = new StringBuilder(figures.markdown().length());
        parser.parse(figures.markdown()).accept(new Words(text));
        return figures.putBack(text.toString(), "", "", 0, (figure, position) ->
                (Objects.toString(figure.caption(), "") + " " + Objects.toString(figure.credit(), "")).strip()).strip();
    }

    /** Collects the text of a Markdown document, a space between inline breaks and a line break after each block. */
    private static final class Words extends AbstractVisitor {
        private final StringBuilder text;

        Words(StringBuilder text) {
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
}
