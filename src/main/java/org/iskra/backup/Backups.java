package org.iskra.backup;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.iskra.media.MediaArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup: every table in one read-only REPEATABLE READ transaction, so the rows are one consistent
 * snapshot while the site keeps writing, then the bytes of the media, one entry per blob (named by their content
 * and never changed or removed, so every blob a snapshot row names is still there; those bytes are read a piece at
 * a time rather than as rows of their table, which would pass whole pieces through JSON). The file appears under
 * its name only when complete.
 */
@Component
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final int FETCH = 500;

    record Written(BackupManifest manifest, Path file) {
    }

    private final DataSource dataSource;
    private final Flyway flyway;
    private final MediaArchive media;
    private final JsonMapper json = JsonMapper.builder().build();

    Backups(DataSource dataSource, Flyway flyway, MediaArchive media) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.media = media;
    }

    Written write(Path file) throws IOException, SQLException {
        MigrationInfo current = flyway.info().current();
        if (current == null || current.getVersion() == null) {
            throw new IllegalStateException("the database has no Iskra schema to back up");
        }
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        Map<String, Long> rows = new LinkedHashMap<>();
        int copiedIn = media.copyInLegacyFiles();
        if (copiedIn > 0) {
            log.info("{} media files of the data folder copied into the database first", copiedIn);
        }
        int blobs = 0;
        String database;
        createOwnerOnly(temp);
        try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
            try (Connection connection = dataSource.getConnection()) {
                database = connection.getMetaData().getDatabaseProductName();
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                Set<String> excluded = new HashSet<>(DatabaseTables.NODE_STATE);
                excluded.add(flyway.getConfiguration().getTable().toLowerCase());
                excluded.add(MediaArchive.BYTES_TABLE);
                for (DatabaseTables.Table table : DatabaseTables.inInsertOrder(connection, connection.getSchema(), excluded)) {
                    zip.putNextEntry(new ZipEntry(BackupManifest.tableEntry(table.name())));
                    long count = writeRows(connection, table, zip);
                    zip.closeEntry();
                    rows.put(table.name(), count);
                    log.info("{}: {} rows", table.name(), count);
                }
                connection.commit();
            }
            for (String hash : media.blobs()) {
                zip.putNextEntry(new ZipEntry(BackupManifest.BLOBS + hash));
                if (!media.copy(hash, zip)) {
                    throw new IllegalStateException("media blob " + hash + " vanished while the backup ran");
                }
                zip.closeEntry();
                blobs++;
            }
            log.info("media: {} blobs", blobs);
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, current.getVersion().getVersion(),
                    OffsetDateTime.now(ZoneOffset.UTC), database, rows, blobs);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            manifest.write(zip);
            zip.closeEntry();
            zip.finish();
            out.flush();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Written(manifest, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long writeRows(Connection connection, DatabaseTables.Table table, OutputStream zip) throws SQLException, IOException {
        List<String> order = table.primaryKey().isEmpty() ? List.of("1") : table.primaryKey().stream().map(DatabaseTables::quoted).toList();
        Writer writer = new BufferedWriter(new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8));
        long count = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH);
            try (ResultSet result = statement.executeQuery("select * from " + DatabaseTables.quoted(table.name())
                    + " order by " + String.join(", ", order))) {
                ResultSetMetaData meta = result.getMetaData();
                List<ColumnType> types = new ArrayList<>();
                Map<String, String> header = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    ColumnType type = ColumnType.of(meta, i);
                    types.add(type);
                    header.put(meta.getColumnName(i).toLowerCase(), type.name().toLowerCase());
                }
                writer.write(json.writeValueAsString(Map.of("columns", header)));
                writer.write('\n');
                List<Object> values = new ArrayList<>(types.size());
                while (result.next()) {
                    values.clear();
                    for (int i = 0; i < types.size(); i++) {
                        values.add(types.get(i).read(result, i + 1));
                    }
                    writer.write(json.writeValueAsString(values));
                    writer.write('\n');
                    count++;
                }
            }
        }
        writer.flush();
        return count;
    }

    /** Staff email addresses and password hashes are in a backup too: only its owner may read it. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** The zip stays open for the next entry when a table's writer is done with it. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
