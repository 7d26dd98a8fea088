package org.iskra.accounts;

import java.util.Map;

import org.iskra.site.FieldMessages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the invitation form, with what was typed and a message per field after a refusal. */
public record InvitePage(PageFrame frame, String email, String displayName,
                         RoleChoices roles, Map<String, String> errors, String notice) implements FieldMessages {

    public Messages t() {
        return frame.t();
    }
}
