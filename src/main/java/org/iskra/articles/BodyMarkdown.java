package org.iskra.articles;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;

/** The Markdown bodies are written in (CommonMark with tables, headings with ids): one dialect for page and index. */
final class BodyMarkdown {

    static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private BodyMarkdown() {
    }

    /** A parser of the dialect; a parser is immutable and may be shared by threads. */
    static Parser parser() {
        return Parser.builder().extensions(EXTENSIONS).build();
    }
}
