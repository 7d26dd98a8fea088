package org.iskra.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a feature stores sealed values: a table with a {@code bigint} primary key named {@code id}, the column
 * holding each row's public id (what its values are bound to), and the sealed columns. Each feature declares its
 * own as a bean, so that key rotation and {@code keys status} find every sealed value without the privacy feature
 * knowing the others.
 */
public record SealedColumns(String table, String publicIdColumn, List<SealedField> fields) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SealedColumns {
        // the names go into SQL text: only plain lower-case identifiers, never anything read from outside
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        if (publicIdColumn == null || !NAME.matcher(publicIdColumn).matches()) {
            throw new IllegalArgumentException("not a plain column name: " + publicIdColumn);
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("a table with sealed values names at least one sealed column");
        }
        for (SealedField field : fields) {
            if (!field.table().equals(table) || field.column().equals(publicIdColumn)) {
                throw new IllegalArgumentException(field + " is not a sealed column of " + table);
            }
        }
        fields = List.copyOf(fields);
    }
}
