package org.iskra.privacy;

import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the readable export: everything held about one person, in their language where Iskra has it. */
public record SubjectExport(PageFrame frame, OffsetDateTime exportedAt, List<HeldRecord> records) {

    public Messages t() {
        return frame.t();
    }

    /** The label of a field or record kind: its message key; fields have one each (see {@link HeldRecord}). */
    public String label(String name) {
        return frame.t().get("privacy.subjects.field." + name);
    }
}
