package org.iskra.privacy;

import java.util.List;

/**
 * One record held about a data subject, as the export shows it: a join request or a message. Field names are stable
 * identifiers (the JSON keys, and the suffix of the message key that labels them in the readable export).
 *
 * @param kind      join_request or mail
 * @param reference the record's public reference (a join request's public id, a message's number)
 * @param language  the language the subject used there, to write the readable export in; null when unknown
 * @param timeline  the record's events, oldest first, each as fields
 */
public record HeldRecord(String kind, String reference, String language, List<Field> fields, List<List<Field>> timeline) {

    public record Field(String name, String value) {
    }

    public HeldRecord {
        fields = List.copyOf(fields);
        timeline = List.copyOf(timeline);
    }
}
