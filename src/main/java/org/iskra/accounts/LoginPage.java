package org.iskra.accounts;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the login page; {@code notice} is a message key or null. */
public record LoginPage(PageFrame frame, String csrfParameter, String csrfToken, String notice, boolean problem) {

    public Messages t() {
        return frame.t();
    }
}
