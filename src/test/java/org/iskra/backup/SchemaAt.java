package org.iskra.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * The tables and their columns as the migrations left them at one older schema version: Iskra's own migrations run
 * on a scratch in-memory H2 database up to that version, then read back. Lets a test write a backup as an older Iskra
 * would have, whatever migrations were added since.
 */
final class SchemaAt {

    private SchemaAt() {
    }

    static Map<String, Set<String>> version(String version, Flyway current) throws SQLException {
        String url = "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure().configuration(current.getConfiguration()).dataSource(url, "sa", "")
                    .defaultSchema("public").schemas("public").target(version).load().migrate();
            Map<String, Set<String>> columns = new LinkedHashMap<>();
            try (ResultSet rows = keepAlive.createStatement().executeQuery(
                    "select table_name, column_name from information_schema.columns where table_schema = 'public'")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), t -> new TreeSet<>()).add(rows.getString(2));
                }
            }
            keepAlive.createStatement().execute("shutdown");
            return columns;
        }
    }
}
