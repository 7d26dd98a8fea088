package org.iskra.editor;

import java.util.List;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.RevisionText;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.translation.DiffSegment;

/** The model of a word-level comparison of two revisions of one translation. */
public record DiffPage(PageFrame frame, ArticleDesk.Draft draft, RevisionText from, RevisionText to,
                List<DiffSegment> title, List<DiffSegment> standfirst, List<DiffSegment> body) {

    public Messages t() {
        return frame.t();
    }
}
