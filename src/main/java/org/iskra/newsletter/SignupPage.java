package org.iskra.newsletter;

import java.util.List;
import java.util.Map;

import org.iskra.site.FieldMessages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of {@code /{lang}/newsletter}: what was typed and ticked, a message per field, a notice for the form. */
public record SignupPage(PageFrame frame, String action, SubscribeForm form, Map<String, String> errors, String notice,
                         List<Option> languages, List<Option> regions) implements FieldMessages {

    public Messages t() {
        return frame.t();
    }

    @Override
    public String fieldIdPrefix() {
        return "newsletter-";
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
