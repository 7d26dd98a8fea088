package org.iskra.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.iskra.media.MediaArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a backup into an empty database. It runs in place of the migration that starts Iskra, before anything
 * else touches the database: Flyway migrates the empty database to the backup's schema version, the rows go in
 * in one transaction (replacing the few rows migrations insert themselves, such as the fallback section), the
 * identity sequences are moved past the restored ids, and Flyway then applies the migrations written since the
 * backup was taken. The bytes of the media follow once Iskra has started ({@link #restoreMedia}).
 */
final class Restore {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);
    private static final int BATCH = 500;
    private static final Pattern MEDIA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern BLOB_NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    private BackupManifest manifest;
    private long rows;

    Restore(Path file) {
        this.file = file;
    }

    BackupManifest manifest() {
        return manifest;
    }

    long rows() {
        return rows;
    }

    void migrateAndLoad(Flyway flyway) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            manifest = readManifest(zip);
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            String[] schemas = flyway.getConfiguration().getSchemas();
            String schema;
            try (Connection connection = dataSource.getConnection()) {
                schema = schemas.length > 0 ? schemas[0] : connection.getSchema();
                Set<String> tables = DatabaseTables.names(connection, schema);
                if (!tables.isEmpty()) {
                    throw new RestoreRefusedException("the database is not empty (it has " + tables.size() + " tables, such as "
                            + tables.iterator().next() + "). Restore only into a new, empty database, before any Iskra"
                            + " starts on it: create one (PostgreSQL), or point --iskra.data at an empty folder (H2).");
                }
            }
            MigrationVersion backup = MigrationVersion.fromVersion(manifest.schemaVersion());
            MigrationVersion known = latest(flyway);
            if (backup.compareTo(known) > 0) {
                throw new RestoreRefusedException("the backup was taken by a newer Iskra (schema version "
                        + manifest.schemaVersion() + "; this one knows up to " + known.getVersion() + "). Restore it with"
                        + " that version of Iskra or a later one.");
            }
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .target(backup).load().migrate();
            try (Connection connection = dataSource.getConnection()) {
                load(zip, connection, schema, flyway.getConfiguration().getTable());
            }
            flyway.migrate();
        } catch (ZipException e) {
            throw new RestoreRefusedException("the file is not an Iskra backup (not a zip file)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("the restore failed in the database: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the backup's media bytes into the restored database (or the object store it uses): the blobs of a
     * backup of format 2, or the variant files of one of format 1, each as the blob of the variant of its name.
     * Returns how many it restored.
     */
    int restoreMedia(MediaArchive media) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith(BackupManifest.BLOBS)) {
                    String hash = name.substring(BackupManifest.BLOBS.length());
                    if (!BLOB_NAME.matcher(hash).matches()) {
                        throw new RestoreRefusedException("the backup holds a media blob with an unexpected name");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (media.restore(hash, in)) {
                            count++;
                        }
                    } catch (IllegalArgumentException damaged) {
                        throw new RestoreRefusedException("the backup is damaged: " + damaged.getMessage());
                    }
                } else if (name.startsWith(BackupManifest.MEDIA)) {
                    String fileName = name.substring(BackupManifest.MEDIA.length());
                    if (!MEDIA_NAME.matcher(fileName).matches()) {
                        throw new RestoreRefusedException("the backup holds a media file with an unexpected name");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (media.restoreVariantFile(fileName, in)) {
                            count++;
                        }
                    }
                }
            }
        }
        log.info("media: {} restored", count);
        return count;
    }

    private static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new RestoreRefusedException("the file is not an Iskra backup (it has no " + BackupManifest.ENTRY + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BackupManifest.read(in);
        }
    }

    private static MigrationVersion latest(Flyway flyway) {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getVersion() != null && migration.getVersion().compareTo(latest) > 0) {
                latest = migration.getVersion();
            }
        }
        return latest;
    }

    private void load(ZipFile zip, Connection connection, String schema, String flywayTable) throws SQLException, IOException {
        Set<String> excluded = new HashSet<>(DatabaseTables.NODE_STATE);
        excluded.add(flywayTable.toLowerCase());
        // filled by restoreMedia, from the backup's blob entries
        excluded.add(MediaArchive.BYTES_TABLE);
        List<DatabaseTables.Table> tables = DatabaseTables.inInsertOrder(connection, schema, excluded);
        Map<String, DatabaseTables.Table> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        for (String table : manifest.rowsByTable().keySet()) {
            if (!byName.containsKey(table)) {
                throw new RestoreRefusedException("the backup has a table " + table + " that schema version "
                        + manifest.schemaVersion() + " does not have; the backup is damaged");
            }
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            List<DatabaseTables.Table> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            for (DatabaseTables.Table table : reversed) {
                if (manifest.rowsByTable().containsKey(table.name())) {
                    statement.executeUpdate("delete from " + DatabaseTables.quoted(table.name()));
                }
            }
            for (DatabaseTables.Table table : tables) {
                if (manifest.rowsByTable().containsKey(table.name())) {
                    long count = insertRows(zip, connection, table.name());
                    if (count != manifest.rowsByTable().get(table.name())) {
                        throw new RestoreRefusedException("the backup is damaged: table " + table.name() + " has "
                                + count + " rows, its manifest says " + manifest.rowsByTable().get(table.name()));
                    }
                    rows += count;
                    log.info("{}: {} rows restored", table.name(), count);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException | IOException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        // after the commit: H2 commits on every DDL statement, and the rows must go in as one transaction
        try (Statement statement = connection.createStatement()) {
            for (DatabaseTables.Table table : tables) {
                for (String column : table.identityColumns()) {
                    long next = 1;
                    try (ResultSet max = statement.executeQuery("select max(" + DatabaseTables.quoted(column) + ") from "
                            + DatabaseTables.quoted(table.name()))) {
                        if (max.next()) {
                            next = max.getLong(1) + 1;
                        }
                    }
                    statement.executeUpdate("alter table " + DatabaseTables.quoted(table.name()) + " alter column "
                            + DatabaseTables.quoted(column) + " restart with " + Math.max(1, next));
                }
            }
        }
    }

    private long insertRows(ZipFile zip, Connection connection, String table) throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.tableEntry(table));
        if (entry == null) {
            throw new RestoreRefusedException("the backup is damaged: it has no rows file for table " + table);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            JsonNode header = json.readTree(lines.readLine()).get("columns");
            List<String> columns = new ArrayList<>();
            List<ColumnType> types = new ArrayList<>();
            header.properties().forEach(column -> {
                columns.add(column.getKey());
                types.add(ColumnType.valueOf(column.getValue().asString().toUpperCase()));
            });
            String sql = "insert into " + DatabaseTables.quoted(table) + " ("
                    + String.join(", ", columns.stream().map(DatabaseTables::quoted).toList()) + ") values ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            long count = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode row = json.readTree(line);
                    for (int i = 0; i < columns.size(); i++) {
                        types.get(i).bind(insert, i + 1, row.get(i));
                    }
                    insert.addBatch();
                    if (++count % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return count;
        }
    }
}
