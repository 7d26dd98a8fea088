package org.iskra.accounts;

import java.util.Map;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of a staff user's own account page: their password form and their sessions. */
public record AccountPage(PageFrame frame, String csrfParameter, String csrfToken, StaffUser user, int sessions,
                          Map<String, String> errors, String notice, boolean problem) implements FieldMessages {

    public Messages t() {
        return frame.t();
    }
}
