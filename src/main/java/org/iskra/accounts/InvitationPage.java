package org.iskra.accounts;

import java.util.Map;

import org.iskra.site.FieldMessages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the page where an invited staff user chooses a password. */
public record InvitationPage(PageFrame frame, String csrfParameter, String csrfToken, String action, String email,
                             String displayName, Map<String, String> errors) implements FieldMessages {

    public Messages t() {
        return frame.t();
    }
}
