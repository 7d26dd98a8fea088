package org.iskra.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup holds, in its first-read entry {@value #ENTRY}: the schema version its rows fit, the tables in the
 * order their rows go back in, the row count of each. Rows are in {@code tables/{table}.jsonl} (a header line naming
 * the columns and their types, then one JSON array per row) and the bytes of media, one entry per blob, in
 * {@code blobs/{hash}} (format 2). A backup of format 1, from before media moved into the database, has the
 * variant files in {@code media/} instead; both restore.
 */
record BackupManifest(int format, String schemaVersion, OffsetDateTime createdAt, String database,
                      Map<String, Long> rowsByTable, int mediaFiles) {

    static final String ENTRY = "iskra-backup.properties";
    static final String TABLES = "tables/";
    static final String MEDIA = "media/";
    static final String BLOBS = "blobs/";
    static final int FORMAT = 2;
    static final int FORMAT_WITH_MEDIA_FILES = 1;

    static final String NOTE = """
            Iskra backup: every table Iskra owns but sessions and job leases, and the bytes of the media.
            Encrypted columns stay encrypted. The personal-data KEY FILE IS NOT IN THIS BACKUP: without it
            applicants' names, emails, phone numbers, cities, messages and queued mail are lost for good.
            Restore with: java -jar iskra.jar restore FILE (into an empty database).""";

    BackupManifest {
        rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    }

    static String tableEntry(String table) {
        return TABLES + table + ".jsonl";
    }

    void write(OutputStream out) {
        Properties properties = new Properties();
        properties.setProperty("format", String.valueOf(format));
        properties.setProperty("schema-version", schemaVersion);
        properties.setProperty("created-at", createdAt.toString());
        properties.setProperty("database", database);
        properties.setProperty("tables", String.join(",", rowsByTable.keySet()));
        rowsByTable.forEach((table, rows) -> properties.setProperty("rows." + table, String.valueOf(rows)));
        properties.setProperty("media-files", String.valueOf(mediaFiles));
        try {
            StringWriter text = new StringWriter();
            properties.store(text, NOTE);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws RestoreRefusedException when the entry is not a manifest this version of Iskra can read */
    static BackupManifest read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        try {
            int format = Integer.parseInt(properties.getProperty("format", "0"));
            if (format != FORMAT && format != FORMAT_WITH_MEDIA_FILES) {
                throw new RestoreRefusedException("the backup is in format " + format + "; this Iskra reads formats "
                        + FORMAT_WITH_MEDIA_FILES + " and " + FORMAT);
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            List<String> tables = new ArrayList<>(Arrays.asList(properties.getProperty("tables", "").split(",")));
            tables.removeIf(String::isEmpty);
            for (String table : tables) {
                rows.put(table, Long.parseLong(properties.getProperty("rows." + table, "0")));
            }
            return new BackupManifest(format, required(properties, "schema-version"),
                    OffsetDateTime.parse(required(properties, "created-at")), properties.getProperty("database", "?"),
                    rows, Integer.parseInt(properties.getProperty("media-files", "0")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new RestoreRefusedException("the backup's manifest is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new RestoreRefusedException("the backup's manifest has no " + name);
        }
        return value;
    }
}
