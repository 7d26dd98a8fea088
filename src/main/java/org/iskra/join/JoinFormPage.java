package org.iskra.join;

import java.util.List;
import java.util.Map;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of the join form: what was typed, the messages per field, a notice for the whole form (a refused
 * token, a limit), the countries with the suggested one first.
 */
public record JoinFormPage(PageFrame frame, String action, JoinForm form, Map<String, String> errors, String notice,
                           List<CountryOption> countries, CountryOption suggested) {

    public Messages t() {
        return frame.t();
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** {@code aria-invalid} of a field: "true" or absent. */
    public String ariaInvalid(String field) {
        return invalid(field) ? "true" : null;
    }

    /** {@code aria-describedby} of a field: its hint, if any, and its error message when it has one. */
    public String describedBy(String field, String hintId) {
        String errorId = invalid(field) ? "join-" + field + "-error" : null;
        if (hintId == null) {
            return errorId;
        }
        return errorId == null ? hintId : hintId + " " + errorId;
    }

    public boolean suggestedSelected() {
        return suggested != null && suggested.code().equals(form.country());
    }

    /** Selected in the full list; the suggested country, when chosen, is selected in its own group instead. */
    public boolean selected(String code) {
        return code.equals(form.country()) && !suggestedSelected();
    }

    public String name() {
        return form.name();
    }

    public String email() {
        return form.email();
    }

    public String phone() {
        return form.phone();
    }

    public String city() {
        return form.city();
    }

    public String message() {
        return form.message();
    }

    public boolean consent() {
        return form.consent();
    }

    public String from() {
        return form.from();
    }

    public String token() {
        return form.token();
    }
}
