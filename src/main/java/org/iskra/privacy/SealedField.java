package org.iskra.privacy;

import java.util.regex.Pattern;

/**
 * A column that holds sealed values: its table and column, which every value sealed for it is bound to (with the
 * public id of its row), and the purpose values sealed before that binding named instead ({@code
 * join_request.email}, {@code outbox.body}), so that those still open until {@code keys reseal} binds them.
 */
public record SealedField(String table, String column, String legacyPurpose) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SealedField {
        // the names go into SQL text (reseal) and into the associated data: plain identifiers only
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        if (column == null || !NAME.matcher(column).matches() || column.equals("id")) {
            throw new IllegalArgumentException("not a plain column name: " + column);
        }
        if (legacyPurpose == null || legacyPurpose.isBlank()) {
            throw new IllegalArgumentException("the purpose values were sealed for before, such as join_request.email");
        }
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
