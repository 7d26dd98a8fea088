package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.organizing.ApplicantFields;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation as an administrator runs it beside a running node: this test application is the node, started before
 * the rotation, and the command runs on its data folder and database.
 */
@IskraIntegrationTest
class KeysCommandTest {

    private static final SealedField SUBSCRIBER_EMAIL =
            new SealedField("newsletter_subscriber", "email", "newsletter_subscriber.email");
    private static final Pattern NEW_KEY = Pattern.compile("Key ([0-9a-f]{8}) added to ");

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    KeyedHash keyedHash;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IskraProperties iskra;

    @Autowired
    Environment environment;

    private static final SealedField NAME = ApplicantFields.NAME;
    private static final SealedField EMAIL = ApplicantFields.EMAIL;
    private static final SealedField CITY = ApplicantFields.CITY;
    private static final SealedField MESSAGE = ApplicantFields.MESSAGE;
    private static final SealedField RECIPIENT = new SealedField("outbox_message", "recipient", "outbox.recipient");
    private static final SealedField SUBJECT = new SealedField("outbox_message", "subject", "outbox.subject");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void rotationSealsEveryValueWithANewKeyThatANodeStartedBeforeItReads() throws Exception {
        String oldKey = keys.currentAesId();
        String hashBefore = keyedHash.of("join_request.email", "olga@example.org");
        String recipient = "olga." + UUID.randomUUID() + "@example.org";
        long mail = queue(recipient);
        long request = insertJoinRequest(cipher, "Ольга Тестова");
        long subscriber = insertSubscriber(cipher, "reader@example.org");

        int status = run("keys", "rotate");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher added = NEW_KEY.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(added.find()).isTrue();
        String newKey = added.group(1);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Every sealed value now uses key " + newKey);

        String sealedRecipient = jdbc.sql("select recipient from outbox_message where id = ?").param(mail).query(String.class).single();
        String sealedName = jdbc.sql("select name from join_request where id = ?").param(request).query(String.class).single();
        assertThat(cipher.keyIdOf(sealedRecipient)).isEqualTo(newKey);
        assertThat(cipher.keyIdOf(sealedName)).isEqualTo(newKey);
        String sealedSubscriber = jdbc.sql("select email from newsletter_subscriber where id = ?").param(subscriber)
                .query(String.class).single();
        assertThat(cipher.keyIdOf(sealedSubscriber)).as("the newsletter's addresses too").isEqualTo(newKey);
        assertThat(cipher.open(sealedSubscriber, SUBSCRIBER_EMAIL, publicIdOf("newsletter_subscriber", subscriber, "link_id")))
                .isEqualTo("reader@example.org");
        // this node loaded its keys before the rotation: it meets an unknown key id and reads the file again
        assertThat(cipher.open(sealedRecipient, RECIPIENT, publicIdOf("outbox_message", mail))).isEqualTo(recipient);
        assertThat(cipher.open(sealedName, NAME, publicIdOf("join_request", request))).isEqualTo("Ольга Тестова");
        Await.until("the running node seals with the new key", () -> cipher.keyIdOf(cipher.seal("x", SUBJECT, "row-1")).equals(newKey));
        assertThat(keyedHash.of("join_request.email", "olga@example.org")).as("lookups keep working").isEqualTo(hashBefore);

        String file = Files.readString(keys.file());
        assertThat(file).contains(oldKey + " aes ").contains(newKey + " aes-current ").contains(" hmac ")
                .contains("# Iskra personal-data keys.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file()))).isEqualTo("rw-------");
    }

    @Test
    void aValueSealedWithTheOldKeyByANodeThatHasNotReadTheNewFileStaysReadableAndAReRunPicksItUp() throws Exception {
        Path before = Files.createTempFile("personal-data-", ".keys");
        Files.copy(keys.file(), before, StandardCopyOption.REPLACE_EXISTING);
        PersonalDataCipher lateNode = new PersonalDataCipher(new PersonalDataKeys(before));
        assertThat(run("keys", "rotate")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        // from what the command printed: this node reads the rotated file again only after a while
        Matcher added = NEW_KEY.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(added.find()).isTrue();
        String newKey = added.group(1);

        long request = insertJoinRequest(lateNode, "Пётр Опоздавший");
        String oldKey = lateNode.keyIdOf(jdbc.sql("select name from join_request where id = ?").param(request).query(String.class).single());
        assertThat(oldKey).isNotEqualTo(newKey);

        out.reset();
        assertThat(run("keys", "status")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern(oldKey + " +old +4\\b")
                .contains("never rotates");

        out.reset();
        assertThat(run("keys", "reseal")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Values sealed again with key " + newKey + ": 4.");
        String name = jdbc.sql("select name from join_request where id = ?").param(request).query(String.class).single();
        assertThat(cipher.keyIdOf(name)).isEqualTo(newKey);
        assertThat(cipher.open(name, NAME, publicIdOf("join_request", request))).isEqualTo("Пётр Опоздавший");
        Files.delete(before);
    }

    @Test
    void aValueSealedWithAKeyMissingFromTheFileIsReportedAndTheCommandFails() {
        Path elsewhere = iskra.data().resolve("elsewhere.keys");
        PersonalDataCipher otherInstallation = new PersonalDataCipher(new PersonalDataKeys(elsewhere));
        long request = insertJoinRequest(otherInstallation, "Чужой Ключ");
        try {
            assertThat(run("keys", "status")).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(" +MISSING +4\\b");
            out.reset();
            assertThat(run("keys", "reseal")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("4 value(s) still use another key: 4 could not be opened");
        } finally {
            // the other tests share this database and expect every value to open
            jdbc.sql("delete from join_event where request_id = ?").param(request).update();
            jdbc.sql("delete from join_request where id = ?").param(request).update();
        }
    }

    @Test
    void valuesSealedForTheirColumnOnlyAreReportedAndResealingBindsThemSoThatASwappedValueNoLongerOpens() throws Exception {
        long first = insertJoinRequest(keys, "Анна Старая", "anna.old@example.org");
        long second = insertJoinRequest(keys, "Борис Старый", "boris.old@example.org");
        try {
            String firstEmail = sealed("email", first);
            String secondEmail = sealed("email", second);
            assertThat(cipher.sealedForColumnOnly(firstEmail)).isTrue();
            assertThat(cipher.open(secondEmail, EMAIL, publicIdOf("join_request", first)))
                    .as("sealed the old way, a value moved into another request still opened there")
                    .isEqualTo("boris.old@example.org");

            assertThat(run("keys", "status")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("8 of these value(s) are sealed for their column only");
            out.reset();
            assertThat(run("keys", "reseal")).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("is bound to its row");

            String bound = sealed("email", first);
            assertThat(cipher.sealedForColumnOnly(bound)).isFalse();
            assertThat(cipher.open(bound, EMAIL, publicIdOf("join_request", first))).isEqualTo("anna.old@example.org");
            // someone with write access to the database moves Boris's address into Anna's request
            jdbc.sql("update join_request set email = ? where id = ?").params(sealed("email", second), first).update();
            assertThatThrownBy(() -> cipher.open(sealed("email", first), EMAIL, publicIdOf("join_request", first)))
                    .isInstanceOf(SealedValueException.class);
        } finally {
            // the deadline job may have reminded someone of these requests meanwhile
            jdbc.sql("delete from join_event where request_id in (?, ?)").params(first, second).update();
            jdbc.sql("delete from join_request where id in (?, ?)").params(first, second).update();
        }
    }

    @Test
    void exitsWithTwoForAnUnknownAction() {
        assertThat(KeysCommand.run(new String[] {"keys", "shred"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar iskra.jar keys status|rotate|reseal");
    }

    private int run(String... action) {
        List<String> args = new ArrayList<>(List.of(action));
        args.add("--iskra.data=" + iskra.data());
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.default-schema", "spring.flyway.schemas")) {
            if (environment.containsProperty(key)) {
                args.add("--" + key + "=" + environment.getProperty(key));
            }
        }
        return KeysCommand.run(args.toArray(String[]::new), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private long queue(String recipient) {
        return new TransactionTemplate(transactions).execute(status -> outbox.enqueue(
                new OutgoingMail("test.rotation", recipient, "Тема", "Текст письма", "ru")));
    }

    /** A request as the join form stores it: four of its personal fields sealed (no phone), with the given cipher. */
    private long insertJoinRequest(PersonalDataCipher with, String name) {
        String id = UUID.randomUUID().toString();
        return insert(id, with.seal(name, NAME, id), with.seal("someone@example.org", EMAIL, id), with.seal("Тверь", CITY, id),
                with.seal("Хочу вступить", MESSAGE, id));
    }

    /** A request as versions before the row binding stored it: its fields sealed for their column only. */
    private long insertJoinRequest(PersonalDataKeys with, String name, String email) throws Exception {
        return insert(UUID.randomUUID().toString(), PersonalDataCipherTest.sealedForColumnOnly(with, name, "join_request.name"),
                PersonalDataCipherTest.sealedForColumnOnly(with, email, "join_request.email"),
                PersonalDataCipherTest.sealedForColumnOnly(with, "Тверь", "join_request.city"),
                PersonalDataCipherTest.sealedForColumnOnly(with, "Хочу вступить", "join_request.message"));
    }

    private long insert(String id, String name, String email, String city, String message) {
        long section = jdbc.sql("select id from section where is_fallback").query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into join_request (public_id, form_token, section_id, country_code, language, name, email,
                         city, message, email_hash, consent_at, confirmation_token_hash, due_at)
                        values (?, ?, ?, 'RU', 'ru', ?, ?, ?, ?, ?, ?, ?, ?)""")
                // due in a month: no reminder (an event, a mail) is written for it while a test runs
                .params(id, id, section, name, email, city, message, "0".repeat(64), now, id.replace("-", "") + "0000",
                        now.plusDays(30))
                .update();
        return jdbc.sql("select id from join_request where public_id = ?").param(id).query(Long.class).single();
    }

    /** A newsletter subscriber as the subscription form stores it: the address sealed, with a language chosen. */
    private long insertSubscriber(PersonalDataCipher with, String email) {
        String linkId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        jdbc.sql("""
                        insert into newsletter_subscriber (email, email_hash, link_id, language, status, created_at, confirmed_at)
                        values (?, ?, ?, 'ru', 'confirmed', ?, ?)""")
                .params(with.seal(email, SUBSCRIBER_EMAIL, linkId), linkId + "0".repeat(42), linkId,
                        OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("select id from newsletter_subscriber where link_id = ?").param(linkId).query(Long.class).single();
        jdbc.sql("insert into newsletter_subscriber_language (subscriber_id, language) values (?, 'ru')").param(id).update();
        return id;
    }

    private String sealed(String column, long request) {
        return jdbc.sql("select " + column + " from join_request where id = ?").param(request).query(String.class).single();
    }

    private String publicIdOf(String table, long id) {
        return publicIdOf(table, id, "public_id");
    }

    private String publicIdOf(String table, long id, String column) {
        return jdbc.sql("select " + column + " from " + table + " where id = ?").param(id).query(String.class).single();
    }
}
