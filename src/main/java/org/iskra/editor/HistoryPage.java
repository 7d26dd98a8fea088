package org.iskra.editor;

import java.util.List;

import org.iskra.articles.ArticleDesk;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of a translation's revision history, from which two revisions are compared or one restored. */
public record HistoryPage(PageFrame frame, ArticleDesk.Draft draft, List<ArticleDesk.RevisionEntry> revisions) {

    public Messages t() {
        return frame.t();
    }

    public int older() {
        return revisions.size() > 1 ? revisions.get(1).number() : draft.revision();
    }
}
