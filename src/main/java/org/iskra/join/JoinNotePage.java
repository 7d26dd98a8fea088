package org.iskra.join;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** A page that only says something: thanks after sending, or that the address is confirmed. */
public record JoinNotePage(PageFrame frame, String heading, String text) {

    public Messages t() {
        return frame.t();
    }
}
