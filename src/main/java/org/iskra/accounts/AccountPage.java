package org.iskra.accounts;

import java.util.List;
import java.util.Map;

import org.iskra.site.FieldMessages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of a staff user's own account page: their password form, their second factor (app, recovery codes left,
 * passkeys with the script that adds one), their sessions and the back office's language.
 */
public record AccountPage(PageFrame frame, SecondFactorPages.Csrf csrf, StaffUser user, int sessions,
                          SecondFactorStatus secondFactor, List<Key> passkeys, String script,
                          Map<String, String> errors, String notice, boolean problem,
                          LanguageChoice language) implements FieldMessages {

    /** A registered passkey: its id (for removing it), its name, when it was added. */
    public record Key(String id, String label, String added) {
    }

    public String csrfParameter() {
        return csrf.parameter();
    }

    public String csrfToken() {
        return csrf.token();
    }

    public Messages t() {
        return frame.t();
    }
}
