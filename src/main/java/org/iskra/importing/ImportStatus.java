package org.iskra.importing;

import java.util.Locale;

/**
 * Where an import started from the back office stands, as {@code import_run.status} stores it (in lower case) and
 * its page names it ({@code importing.status.running} …).
 */
public enum ImportStatus {
    RUNNING, FINISHED, FAILED,
    /** Never stored: a run still marked running whose node has said nothing for a while stopped with that node. */
    INTERRUPTED;

    /** As stored, and as the message keys end. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportStatus stored(String status) {
        return valueOf(status.toUpperCase(Locale.ROOT));
    }
}
