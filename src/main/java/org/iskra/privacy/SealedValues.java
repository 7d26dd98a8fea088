package org.iskra.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every sealed value in the database, read in batches by id: counted per key for {@code keys status}, and sealed
 * again with the current key after a rotation. Each batch is written in a short transaction of its own, so the site
 * keeps running meanwhile; a row is only rewritten if it still holds the value that was read, so a change a running
 * node made in between is never overwritten (it is counted, and the next run picks it up).
 */
@Component
class SealedValues {

    static final String NOT_SEALED = "(not a sealed value)";
    /** Counted apart from the keys: values sealed for their column only, not yet bound to their row. */
    static final String COLUMN_ONLY = "(sealed for its column only)";

    private static final Logger log = LoggerFactory.getLogger(SealedValues.class);

    /** What a pass did: values sealed again, values changed by someone else meanwhile, values that did not open. */
    record Resealed(long resealed, long changedMeanwhile, long unreadable) {

        static final Resealed NONE = new Resealed(0, 0, 0);

        Resealed plus(Resealed other) {
            return new Resealed(resealed + other.resealed, changedMeanwhile + other.changedMeanwhile, unreadable + other.unreadable);
        }
    }

    private record Row(long id, String publicId, Map<String, String> values) {
    }

    private final List<SealedColumns> tables;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate transaction;

    SealedValues(List<SealedColumns> tables, JdbcClient jdbc, PersonalDataCipher cipher,
                 PlatformTransactionManager transactions) {
        this.tables = tables.stream().sorted(Comparator.comparing(SealedColumns::table)).toList();
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transaction = new TransactionTemplate(transactions);
    }

    List<SealedColumns> tables() {
        return tables;
    }

    /**
     * How many values each key sealed, by key id; values that are not sealed at all under {@link #NOT_SEALED}, and,
     * besides, how many of them are sealed the old way, for their column only, under {@link #COLUMN_ONLY}.
     */
    Map<String, Long> countByKey(int batchSize) {
        Map<String, Long> counts = new TreeMap<>();
        for (SealedColumns table : tables) {
            List<String> columns = columns(table);
            long after = 0;
            for (List<Row> rows = batch(table, columns, after, batchSize); !rows.isEmpty();
                 rows = batch(table, columns, after, batchSize)) {
                for (Row row : rows) {
                    for (String value : row.values().values()) {
                        if (value != null) {
                            counts.merge(keyIdOf(value), 1L, Long::sum);
                            if (columnOnly(value)) {
                                counts.merge(COLUMN_ONLY, 1L, Long::sum);
                            }
                        }
                    }
                }
                after = rows.get(rows.size() - 1).id();
            }
        }
        return counts;
    }

    /**
     * Seals every value not sealed with the current key, or not bound to its row, again with the current key and
     * bound to its row, batch by batch, with progress in the log.
     */
    Resealed resealAll(int batchSize) {
        Resealed all = Resealed.NONE;
        for (SealedColumns table : tables) {
            List<String> columns = columns(table);
            long after = 0;
            long seen = 0;
            long tableResealed = 0;
            List<Row> rows = batch(table, columns, after, batchSize);
            while (!rows.isEmpty()) {
                List<Row> read = rows;
                Resealed batch = transaction.execute(status -> reseal(table, read));
                all = all.plus(batch);
                tableResealed += batch.resealed();
                seen += rows.size();
                after = rows.get(rows.size() - 1).id();
                log.info("{}: {} rows read, {} values sealed again", table.table(), seen, tableResealed);
                rows = batch(table, columns, after, batchSize);
            }
        }
        return all;
    }

    private Resealed reseal(SealedColumns table, List<Row> rows) {
        long resealed = 0;
        long changed = 0;
        long unreadable = 0;
        for (Row row : rows) {
            Map<String, String[]> updates = new LinkedHashMap<>();
            for (Map.Entry<String, String> column : row.values().entrySet()) {
                String value = column.getValue();
                if (value == null) {
                    continue;
                }
                SealedField field = fieldOf(table, column.getKey());
                try {
                    if (cipher.needsResealing(value)) {
                        updates.put(column.getKey(), new String[] {value,
                                cipher.seal(cipher.open(value, field, row.publicId()), field, row.publicId())});
                    }
                } catch (SealedValueException | IllegalArgumentException e) {
                    // the message names the problem and the key id, never the value
                    log.warn("{} {} of row {} cannot be sealed again: {}", table.table(), column.getKey(), row.id(), e.getMessage());
                    unreadable++;
                }
            }
            if (updates.isEmpty()) {
                continue;
            }
            List<String> sets = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            updates.forEach((column, values) -> {
                sets.add(column + " = ?");
                parameters.add(values[1]);
            });
            parameters.add(row.id());
            updates.forEach((column, values) -> {
                unchanged.add(" and " + column + " = ?");
                parameters.add(values[0]);
            });
            int updated = jdbc.sql("update " + table.table() + " set " + String.join(", ", sets) + " where id = ?"
                    + String.join("", unchanged)).params(parameters).update();
            if (updated == 1) {
                resealed += updates.size();
            } else {
                changed += updates.size();
            }
        }
        return new Resealed(resealed, changed, unreadable);
    }

    private List<Row> batch(SealedColumns table, List<String> columns, long after, int batchSize) {
        return jdbc.sql("select id, " + table.publicIdColumn() + ", " + String.join(", ", columns) + " from " + table.table()
                        + " where id > ? order by id limit ?")
                .params(after, batchSize)
                .query((rs, number) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(columns.get(i), rs.getString(i + 3));
                    }
                    return new Row(rs.getLong(1), rs.getString(2), values);
                })
                .list();
    }

    private boolean columnOnly(String value) {
        try {
            return cipher.sealedForColumnOnly(value);
        } catch (SealedValueException e) {
            return false;
        }
    }

    private static SealedField fieldOf(SealedColumns table, String column) {
        return table.fields().stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
    }

    private String keyIdOf(String value) {
        try {
            return cipher.keyIdOf(value);
        } catch (SealedValueException e) {
            return NOT_SEALED;
        }
    }

    private static List<String> columns(SealedColumns table) {
        return table.fields().stream().map(SealedField::column).sorted().toList();
    }
}
