package org.iskra.site;

import java.util.Map;

/**
 * A form page's messages per field, with what the template needs to tie each to its field for screen readers. A
 * page model implements it and its template asks {@code page.invalid("email")}, {@code page.describedBy(…)}.
 */
public interface FieldMessages {

    Map<String, String> errors();

    /** What the ids of the page's error messages start with ({@code newsletter-email-error}), where a page has two forms' worth. */
    default String fieldIdPrefix() {
        return "";
    }

    default boolean invalid(String field) {
        return errors().containsKey(field);
    }

    default String error(String field) {
        return errors().get(field);
    }

    /** {@code aria-invalid}: "true" or absent. */
    default String ariaInvalid(String field) {
        return invalid(field) ? "true" : null;
    }

    /** {@code aria-describedby}: the field's error message when it has one. */
    default String describedBy(String field) {
        return invalid(field) ? fieldIdPrefix() + field + "-error" : null;
    }

    /** {@code aria-describedby} of a field or group: its hint (or null), and its error message when it has one. */
    default String describedBy(String field, String hintId) {
        String errorId = describedBy(field);
        if (hintId == null) {
            return errorId;
        }
        return errorId == null ? hintId : hintId + " " + errorId;
    }
}
