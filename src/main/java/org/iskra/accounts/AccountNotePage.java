package org.iskra.accounts;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** A page that only says something, such as that an invitation link no longer works. */
public record AccountNotePage(PageFrame frame, String heading, String text) {

    public Messages t() {
        return frame.t();
    }
}
