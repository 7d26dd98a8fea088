package org.iskra.translation;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of /admin/translations. */
public record CoveragePage(PageFrame frame, Coverage coverage, String selectedLanguage) {

    public Messages t() {
        return frame.t();
    }
}
