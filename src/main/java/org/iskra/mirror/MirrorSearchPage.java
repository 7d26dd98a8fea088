package org.iskra.mirror;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of the mirror's search page: a form, the results a small script finds in the language's index, and
 * for readers without script the address of the full search.
 */
public record MirrorSearchPage(PageFrame frame, String indexScript, String searchScript, String fullSearch) {

    public Messages t() {
        return frame.t();
    }
}
