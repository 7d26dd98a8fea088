package org.iskra.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of one schema as the database describes them, so a backup takes every table Iskra owns, including
 * those added by migrations written after this class, without a list to keep up to date.
 */
final class DatabaseTables {

    /** Runtime state of the nodes, not content: sessions (log-ins) and job leases start afresh after a restore. */
    static final Set<String> NODE_STATE = Set.of("spring_session", "spring_session_attributes", "job_lock");

    /** A table with the columns that order its rows and the identity columns whose sequences follow its ids. */
    record Table(String name, List<String> primaryKey, List<String> identityColumns) {
    }

    private DatabaseTables() {
    }

    /** The names of every table in the schema, in any case the database keeps them. */
    static Set<String> names(Connection connection, String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    /**
     * The tables of the schema but the excluded ones, each after the tables it references, so rows can be inserted
     * in this order and deleted in the reverse one.
     */
    static List<Table> inInsertOrder(Connection connection, String schema, Set<String> excluded) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        Map<String, Set<String>> references = new TreeMap<>();
        for (String name : names(connection, schema)) {
            if (!excluded.contains(name.toLowerCase())) {
                references.put(name, new TreeSet<>());
            }
        }
        for (Map.Entry<String, Set<String>> table : references.entrySet()) {
            try (ResultSet keys = meta.getImportedKeys(catalog, schema, table.getKey())) {
                while (keys.next()) {
                    String referenced = keys.getString("PKTABLE_NAME");
                    // a row referencing a row of its own table needs no order between tables
                    if (!referenced.equals(table.getKey()) && references.containsKey(referenced)) {
                        table.getValue().add(referenced);
                    }
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (placed.size() < references.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> table : references.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    ordered.add(describe(meta, catalog, schema, table.getKey()));
                    placed.add(table.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables reference each other in a cycle; cannot order them: "
                        + references.keySet().stream().filter(name -> !placed.contains(name)).toList());
            }
        }
        return ordered;
    }

    private static Table describe(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet columns = meta.getPrimaryKeys(catalog, schema, table)) {
            while (columns.next()) {
                key.put(columns.getInt("KEY_SEQ"), columns.getString("COLUMN_NAME"));
            }
        }
        Map<String, Boolean> identities = new LinkedHashMap<>();
        try (ResultSet columns = meta.getColumns(catalog, schema, table, "%")) {
            while (columns.next()) {
                identities.put(columns.getString("COLUMN_NAME"), "YES".equals(columns.getString("IS_AUTOINCREMENT")));
            }
        }
        List<String> identityColumns = identities.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        return new Table(table, List.copyOf(key.values()), identityColumns);
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
