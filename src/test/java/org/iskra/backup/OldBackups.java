package org.iskra.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a backup of this version into one as Iskra wrote it before media moved into the database (format 1): only
 * the tables and columns the schema had at that older version (read off a scratch database migrated to it, so
 * migrations added later never make the "old" backup hold what no old Iskra wrote), and each variant as a file under
 * {@code media/} named as it is served. Restoring it tests the real upgrade path.
 */
final class OldBackups {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OldBackups() {
    }

    static void withMediaFiles(Path from, Path to, String schemaVersion, Map<String, Set<String>> schema) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream copy = new ZipOutputStream(file)) {
            Map<String, String> variantBlobs = variantBlobs(zip);
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String table = name.startsWith(BackupManifest.TABLES)
                        ? name.substring(BackupManifest.TABLES.length(), name.length() - ".jsonl".length()) : null;
                if (name.startsWith(BackupManifest.BLOBS) || table != null && !schema.containsKey(table)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (name.equals(BackupManifest.ENTRY)) {
                    bytes = manifest(bytes, schemaVersion, variantBlobs.size(), schema.keySet());
                } else if (table != null) {
                    bytes = onlyColumns(bytes, schema.get(table));
                }
                copy.putNextEntry(new ZipEntry(name));
                copy.write(bytes);
                copy.closeEntry();
            }
            for (Map.Entry<String, String> variant : variantBlobs.entrySet()) {
                copy.putNextEntry(new ZipEntry(BackupManifest.MEDIA + variant.getKey()));
                try (InputStream in = zip.getInputStream(zip.getEntry(BackupManifest.BLOBS + variant.getValue()))) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        }
    }

    /** File name → blob hash of every variant in the backup. */
    private static Map<String, String> variantBlobs(ZipFile zip) throws IOException {
        Map<String, String> blobs = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                zip.getInputStream(zip.getEntry(BackupManifest.tableEntry("media_variant"))), StandardCharsets.UTF_8))) {
            List<String> columns = new ArrayList<>();
            JSON.readTree(lines.readLine()).get("columns").properties().forEach(c -> columns.add(c.getKey()));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = JSON.readTree(line);
                blobs.put(row.get(columns.indexOf("file_name")).asString(), row.get(columns.indexOf("blob_hash")).asString());
            }
        }
        return blobs;
    }

    private static byte[] onlyColumns(byte[] jsonl, Set<String> kept) throws IOException {
        BufferedReader lines = new BufferedReader(new StringReader(new String(jsonl, StandardCharsets.UTF_8)));
        ObjectNode header = (ObjectNode) JSON.readTree(lines.readLine());
        ObjectNode columns = (ObjectNode) header.get("columns");
        List<String> names = new ArrayList<>();
        columns.properties().forEach(c -> names.add(c.getKey()));
        names.stream().filter(c -> !kept.contains(c)).forEach(columns::remove);
        StringBuilder out = new StringBuilder(JSON.writeValueAsString(header)).append('\n');
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            ArrayNode row = (ArrayNode) JSON.readTree(line);
            for (int i = names.size() - 1; i >= 0; i--) {
                if (!kept.contains(names.get(i))) {
                    row.remove(i);
                }
            }
            out.append(JSON.writeValueAsString(row)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manifest(byte[] bytes, String schemaVersion, int mediaFiles, Set<String> kept) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        properties.setProperty("format", "1");
        properties.setProperty("schema-version", schemaVersion);
        List<String> tables = new ArrayList<>(Arrays.asList(properties.getProperty("tables").split(",")));
        for (String table : tables) {
            if (!kept.contains(table)) {
                properties.remove("rows." + table);
            }
        }
        tables.retainAll(kept);
        properties.setProperty("tables", String.join(",", tables));
        properties.setProperty("media-files", String.valueOf(mediaFiles));
        StringWriter text = new StringWriter();
        properties.store(text, null);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
