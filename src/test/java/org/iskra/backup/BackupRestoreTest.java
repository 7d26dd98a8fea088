package org.iskra.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.iskra.IskraApplication;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.organizing.ApplicantFields;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.SealedField;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestDatabase;
import org.iskra.testsupport.TestImages;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup of this running application (demo content, an article of the test's own with its image and translation,
 * a join request) restored into a new data folder and an empty database: every table holds the same rows, and a
 * node started on the restored data serves the article and reads the applicant's data with the old key file.
 */
@IskraIntegrationTest
class BackupRestoreTest {

    private static final SealedField SUBSCRIBER_EMAIL =
            new SealedField("newsletter_subscriber", "email", "newsletter_subscriber.email");

    @TempDir
    Path dir;

    @Autowired
    ArticleWriter writer;

    @Autowired
    MediaLibrary media;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    IskraProperties iskra;

    @Autowired
    Environment environment;

    @Autowired
    Flyway flyway;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aRestoredBackupHoldsTheSameRowsAndFilesAndTheSiteServesIt() throws Exception {
        MediaImage image = media.store(TestImages.jpeg(640, 480, 7), "Фото: Анна", null);
        ArticleMother article = ArticleMother.article().title("Restored article").leadMedia(image.id())
                .tags("housing").regions("europe").countries("DE");
        writer.save(article.input());
        writer.save(article.translatedInto("ru").title("Восстановленная статья").input());
        writer.save(article.title("Restored article, revised").input());
        long request = insertJoinRequest("Ольга Восстановленная");
        long subscriber = insertSubscriber("reader.restored@example.org");
        Path backup = dir.resolve("iskra.backup");

        int backedUp = BackupCommand.run(new String[] {"backup", backup.toString(), "--iskra.data=" + iskra.data(),
                setting("spring.datasource.url"), setting("spring.datasource.username"), setting("spring.datasource.password")},
                print(out), print(err));

        assertThat(backedUp).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Backup written to " + backup)
                .contains("the personal-data key file is NOT in this backup");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        Map<String, List<String>> original = rows(dataSource);
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.getEntry("tables/join_request.jsonl")).isNotNull();
            assertThat(zip.getEntry("tables/spring_session.jsonl")).as("sessions stay out").isNull();
            assertThat(zip.stream().map(ZipEntry::getName)).noneMatch(name -> name.contains("keys"));
        }

        Path data = dir.resolve("restored");
        List<String> target = restoredSettings(data);
        out.reset();
        int restored = RestoreCommand.run(arguments("restore", backup, target), print(out), print(err));

        assertThat(restored).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Restored ").contains("put the key file");
        Files.copy(iskra.data().resolve("keys/personal-data.keys"), data.resolve("keys/personal-data.keys"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(data.resolve("media")).as("media are in the database, not in a folder").doesNotExist();
        assertThat(data.resolve("media-cache")).as("nothing cached yet: served from the database").isEmptyDirectory();

        out.reset();
        err.reset();
        assertThat(RestoreCommand.run(arguments("restore", backup, target), print(out), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Restore refused: the database is not empty");

        List<String> node = new ArrayList<>(target);
        node.add("--server.port=0");
        try (ConfigurableApplicationContext restoredNode = new SpringApplicationBuilder(IskraApplication.class)
                .run(node.toArray(String[]::new))) {
            Map<String, List<String>> copy = rows(restoredNode.getBean(DataSource.class));
            assertThat(copy.keySet()).isEqualTo(original.keySet());
            for (String table : original.keySet()) {
                assertThat(copy.get(table)).as(table).isEqualTo(original.get(table));
            }
            assertThat(original.get("join_request")).isNotEmpty();
            assertThat(original.get("media_variant")).isNotEmpty();

            Http http = new Http(((WebServerApplicationContext) restoredNode).getWebServer().getPort());
            var page = http.get("/en/articles/" + article.slug());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Restored article, revised");
            String variant = restoredNode.getBean(JdbcClient.class).sql("select file_name from media_variant where media_id = ?")
                    .param(image.id()).query(String.class).list().get(0);
            assertThat(http.getBytes("/media/" + variant).statusCode()).isEqualTo(200);

            JdbcClient restoredJdbc = restoredNode.getBean(JdbcClient.class);
            String name = restoredJdbc.sql("select name from join_request where id = ?").param(request).query(String.class).single();
            String publicId = restoredJdbc.sql("select public_id from join_request where id = ?").param(request).query(String.class).single();
            assertThat(restoredNode.getBean(PersonalDataCipher.class).open(name, ApplicantFields.NAME, publicId))
                    .as("bound to its row, which the restore keeps").isEqualTo("Ольга Восстановленная");
            assertThat(original.get("newsletter_subscriber")).isNotEmpty();
            Map<String, Object> reader = restoredJdbc.sql("select email, link_id from newsletter_subscriber where id = ?")
                    .param(subscriber).query().singleRow();
            assertThat(restoredNode.getBean(PersonalDataCipher.class).open((String) reader.get("email"),
                    SUBSCRIBER_EMAIL, (String) reader.get("link_id"))).isEqualTo("reader.restored@example.org");
            ArticleMother next = ArticleMother.article().title("Written after the restore");
            restoredNode.getBean(ArticleWriter.class).save(next.input());
            assertThat(http.get("/en/articles/" + next.slug()).statusCode()).as("identities continue past the restored ids").isEqualTo(200);
        }
    }

    @Test
    void aBackupOfAnH2DatabaseRestoresIntoTheDatabaseUnderTest() throws Exception {
        Path source = dir.resolve("h2-source");
        Map<String, List<String>> original;
        // an embedded installation with the demo content, as someone moving from H2 to PostgreSQL has
        try (ConfigurableApplicationContext h2 = new SpringApplicationBuilder(IskraApplication.class)
                .web(WebApplicationType.NONE).run("--iskra.data=" + source, "--iskra.demo=true")) {
            original = rows(h2.getBean(DataSource.class));
        }
        Path backup = dir.resolve("h2.backup");
        assertThat(BackupCommand.run(new String[] {"backup", backup.toString(), "--iskra.data=" + source}, print(out), print(err)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("schema version");

        List<String> target = restoredSettings(dir.resolve("restored"));
        assertThat(RestoreCommand.run(arguments("restore", backup, target), print(out), print(err)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();

        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(IskraApplication.class)
                .web(WebApplicationType.NONE).run(target.toArray(String[]::new))) {
            Map<String, List<String>> copy = rows(restored.getBean(DataSource.class));
            assertThat(copy.keySet()).isEqualTo(original.keySet());
            for (String table : original.keySet()) {
                assertThat(copy.get(table)).as(table).isEqualTo(original.get(table));
            }
            assertThat(original.get("revision")).isNotEmpty();
        }
    }

    @Test
    void aBackupFromBeforeMediaMovedIntoTheDatabaseRestoresItsMediaFilesIntoIt() throws Exception {
        MediaImage image = media.store(TestImages.jpeg(700, 500, 11), null, null);
        Path backup = dir.resolve("iskra.backup");
        assertThat(BackupCommand.run(new String[] {"backup", backup.toString(), "--iskra.data=" + iskra.data(),
                setting("spring.datasource.url"), setting("spring.datasource.username"), setting("spring.datasource.password")},
                print(out), print(err))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, byte[]> variants = new LinkedHashMap<>();
        for (var variant : image.variants()) {
            try (InputStream in = media.openVariant(variant.fileName()).orElseThrow()) {
                variants.put(variant.fileName(), in.readAllBytes());
            }
        }
        Path old = dir.resolve("old.backup");
        String oldVersion = versionBeforeMediaInTheDatabase();
        OldBackups.withMediaFiles(backup, old, oldVersion, SchemaAt.version(oldVersion, flyway));

        List<String> target = restoredSettings(dir.resolve("restored"));
        int status = RestoreCommand.run(arguments("restore", old, target), print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> node = new ArrayList<>(target);
        node.add("--server.port=0");
        try (ConfigurableApplicationContext restoredNode = new SpringApplicationBuilder(IskraApplication.class)
                .run(node.toArray(String[]::new))) {
            JdbcClient restored = restoredNode.getBean(JdbcClient.class);
            assertThat(restored.sql("select count(*) from media_variant where blob_hash is null").query(Long.class).single())
                    .as("every variant file of the old backup is in the database").isZero();
            Http http = new Http(((WebServerApplicationContext) restoredNode).getWebServer().getPort());
            for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
                var served = http.getBytes("/media/" + variant.getKey());
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(served.body()).isEqualTo(variant.getValue());
            }
        }
    }

    /** The last schema version before media moved into the database, as an older Iskra would have written. */
    private String versionBeforeMediaInTheDatabase() {
        List<String> versions = jdbc.sql("select version from flyway_schema_history where version is not null order by installed_rank")
                .query(String.class).list();
        return versions.stream().filter(v -> new java.math.BigDecimal(v).compareTo(java.math.BigDecimal.valueOf(45)) < 0)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aBackupFromANewerIskraIsRefused() throws Exception {
        Path backup = dir.resolve("iskra.backup");
        assertThat(BackupCommand.run(new String[] {"backup", backup.toString(), "--iskra.data=" + iskra.data(),
                setting("spring.datasource.url"), setting("spring.datasource.username"), setting("spring.datasource.password")},
                print(out), print(err))).isZero();
        Path newer = dir.resolve("newer.backup");
        rewriteManifest(backup, newer, "schema-version=", "schema-version=9999");

        int status = RestoreCommand.run(arguments("restore", newer, restoredSettings(dir.resolve("restored"))), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Restore refused: the backup was taken by a newer Iskra (schema version 9999");
    }

    @Test
    void aFileThatIsNotABackupIsRefused() throws Exception {
        Path notABackup = Files.writeString(dir.resolve("notes.txt"), "hello");

        int status = RestoreCommand.run(arguments("restore", notABackup, restoredSettings(dir.resolve("restored"))), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Restore refused: the file is not an Iskra backup");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(BackupCommand.run(new String[] {"backup"}, print(out), print(err))).isEqualTo(2);
        Path existing = Files.writeString(dir.resolve("existing"), "x");
        assertThat(BackupCommand.run(new String[] {"backup", existing.toString()}, print(out), print(err))).isEqualTo(2);
        assertThat(RestoreCommand.run(new String[] {"restore", dir.resolve("missing").toString()}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar iskra.jar backup FILE")
                .contains("exists; a backup never replaces a file").contains("no such file");
    }

    private String setting(String key) {
        return "--" + key + "=" + environment.getProperty(key, "");
    }

    /** A new data folder, and on PostgreSQL a new, empty schema. */
    private static List<String> restoredSettings(Path data) {
        List<String> settings = new ArrayList<>(List.of("--iskra.data=" + data, "--iskra.demo=false"));
        TestDatabase.databaseSettings().forEach((key, value) -> settings.add("--" + key + "=" + value));
        return settings;
    }

    private static String[] arguments(String command, Path file, List<String> settings) {
        List<String> args = new ArrayList<>(List.of(command, file.toString()));
        args.addAll(settings);
        return args.toArray(String[]::new);
    }

    /** Every backed-up table's rows, each row as text in the backup's portable form, sorted. */
    private static Map<String, List<String>> rows(DataSource dataSource) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Set<String> excluded = new HashSet<>(DatabaseTables.NODE_STATE);
            excluded.add("flyway_schema_history");
            for (DatabaseTables.Table table : DatabaseTables.inInsertOrder(connection, connection.getSchema(), excluded)) {
                List<String> list = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select * from " + DatabaseTables.quoted(table.name()))) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            ColumnType type = ColumnType.of(result.getMetaData(), i);
                            Object value = type.read(result, i);
                            // H2 keeps a time's offset, PostgreSQL answers in UTC: the same instant either way
                            values.add(type == ColumnType.TIMESTAMPTZ && value != null
                                    ? OffsetDateTime.parse((String) value).toInstant().toString() : value);
                        }
                        list.add(values.toString());
                    }
                }
                list.sort(null);
                rows.put(table.name(), list);
            }
        }
        return rows;
    }

    private long insertJoinRequest(String name) {
        long section = jdbc.sql("select id from section where is_fallback").query(Long.class).single();
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into join_request (public_id, form_token, section_id, country_code, language, name, email,
                         city, email_hash, consent_at, confirmation_token_hash, due_at)
                        values (?, ?, ?, 'DE', 'ru', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, id, section, cipher.seal(name, ApplicantFields.NAME, id),
                        cipher.seal("olga@example.org", ApplicantFields.EMAIL, id), cipher.seal("Берлин", ApplicantFields.CITY, id),
                        "0".repeat(64), now, id.replace("-", "") + "0000", now)
                .update();
        return jdbc.sql("select id from join_request where public_id = ?").param(id).query(Long.class).single();
    }

    private static void rewriteManifest(Path from, Path to, String line, String replacement) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream copy = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                copy.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals(BackupManifest.ENTRY)) {
                        bytes = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll(line + ".*", replacement)
                                .getBytes(StandardCharsets.ISO_8859_1);
                    }
                    copy.write(bytes);
                }
                copy.closeEntry();
            }
        }
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    /** A newsletter subscriber as the subscription form stores it: the address sealed, with a language chosen. */
    private long insertSubscriber(String email) {
        String linkId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        jdbc.sql("""
                        insert into newsletter_subscriber (email, email_hash, link_id, language, status, created_at, confirmed_at)
                        values (?, ?, ?, 'ru', 'confirmed', ?, ?)""")
                .params(cipher.seal(email, SUBSCRIBER_EMAIL, linkId), linkId + "0".repeat(42), linkId,
                        OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("select id from newsletter_subscriber where link_id = ?").param(linkId).query(Long.class).single();
        jdbc.sql("insert into newsletter_subscriber_language (subscriber_id, language) values (?, 'ru')").param(id).update();
        return id;
    }
}
