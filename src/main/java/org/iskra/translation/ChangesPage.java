package org.iskra.translation;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the page that shows a translator what changed in the original since they translated it. */
public record ChangesPage(PageFrame frame, String language, String slug, String originalLanguage,
                         OriginalChanges.Changes changes, boolean justMarked) {

    public Messages t() {
        return frame.t();
    }

    public String translationPath() {
        return "/" + language + "/articles/" + slug;
    }
}
