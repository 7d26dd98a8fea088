package org.iskra.newsletter;

import java.util.List;
import java.util.Map;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of {@code /{lang}/newsletter}: what was typed and ticked, a message per field, a notice for the form. */
public record SignupPage(PageFrame frame, String action, SubscribeForm form, Map<String, String> errors, String notice,
                         List<Option> languages, List<Option> regions) {

    public Messages t() {
        return frame.t();
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** {@code aria-invalid}: "true" or absent. */
    public String ariaInvalid(String field) {
        return invalid(field) ? "true" : null;
    }

    /** {@code aria-describedby} of a field or group: its hint, and its error message when it has one. */
    public String describedBy(String field, String hintId) {
        String errorId = invalid(field) ? "newsletter-" + field + "-error" : null;
        if (hintId == null) {
            return errorId;
        }
        return errorId == null ? hintId : hintId + " " + errorId;
    }

    public String email() {
        return form.email();
    }

    public String token() {
        return form.token();
    }

    public String from() {
        return form.from();
    }
}
