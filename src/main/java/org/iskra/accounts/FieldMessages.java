package org.iskra.accounts;

import java.util.Map;

/** A form page's messages per field, with what the template needs to tie each to its field for screen readers. */
public interface FieldMessages {

    Map<String, String> errors();

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
        return invalid(field) ? field + "-error" : null;
    }
}
