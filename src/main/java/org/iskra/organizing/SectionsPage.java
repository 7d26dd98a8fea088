package org.iskra.organizing;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of /admin/sections: every section, and the form for a new one as last typed. */
public record SectionsPage(PageFrame frame, List<Row> sections, String slug, String name, String contactEmail,
                           String responseHours, String countries, String notice, String error) {

    public record Row(Section section, List<String> countries) {
    }

    public Messages t() {
        return frame.t();
    }
}
