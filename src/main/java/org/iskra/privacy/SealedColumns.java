package org.iskra.privacy;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a feature stores sealed values: a table with a {@code bigint} primary key named {@code id}, and for each
 * sealed column the purpose it was sealed for. Each feature declares its own as a bean, so that key rotation and
 * {@code keys status} find every sealed value without the privacy feature knowing the others.
 */
public record SealedColumns(String table, Map<String, String> purposeByColumn) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SealedColumns {
        // the names go into SQL text: only plain lower-case identifiers, never anything read from outside
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        if (purposeByColumn == null || purposeByColumn.isEmpty()) {
            throw new IllegalArgumentException("a table with sealed values names at least one sealed column");
        }
        for (String column : purposeByColumn.keySet()) {
            if (!NAME.matcher(column).matches() || column.equals("id")) {
                throw new IllegalArgumentException("not a plain column name: " + column);
            }
        }
        purposeByColumn = Map.copyOf(purposeByColumn);
    }
}
