package org.iskra.accounts;

import java.util.List;
import java.util.Map;

import org.iskra.site.FieldMessages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The models of the second step's pages. */
public final class SecondFactorPages {

    private SecondFactorPages() {
    }

    /** The CSRF field every form carries, and the header the passkey script sends it in. */
    public record Csrf(String parameter, String token, String header) {
    }

    /** Asks for a code from the app (or a recovery code), or offers a passkey. */
    public record Code(PageFrame frame, Csrf csrf, boolean totp, boolean passkeys, String script, String error)
            implements PageModel {
    }

    /** Sets up an authenticator app: the secret as a QR code and as text, and a field for its first code. */
    public record Enrol(PageFrame frame, Csrf csrf, String qrSvg, String secret, boolean duringLogin, String error)
            implements PageModel {
    }

    /** The recovery codes, shown this once. */
    public record Recovery(PageFrame frame, Csrf csrf, List<String> codes) implements PageModel {
    }

    /** Replaces the generated password at the first login. */
    public record NewPassword(PageFrame frame, Csrf csrf, String email, Map<String, String> errors, String notice)
            implements PageModel, FieldMessages {
    }

    /** Asks again who the user is before a dangerous action, carrying the action's own fields along. */
    public record Reauthenticate(PageFrame frame, Csrf csrf, String action, List<Map.Entry<String, String>> fields,
                                 boolean totp, String error) implements PageModel {
    }

    /** Which roles, besides administrators and organizers, must have a second factor. */
    public record Policy(PageFrame frame, Csrf csrf, List<Choice> choices, String notice) implements PageModel {
    }

    /** A role that may be made to need a second factor, and whether it does. */
    public record Choice(String role, String label, boolean required) {
    }

    /** What every one of these pages has. */
    public interface PageModel {

        PageFrame frame();

        default Messages t() {
            return frame().t();
        }
    }
}
