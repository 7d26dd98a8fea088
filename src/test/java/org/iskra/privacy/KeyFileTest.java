package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    private static final SealedField NAME = new SealedField("join_request", "name", "join_request.name");

    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesAKeyFileOnlyItsOwnerCanRead() throws IOException {
        Path keyFile = dir.resolve("data/keys/personal-data.keys");

        new PersonalDataKeys(keyFile);

        assertThat(keyFile).exists();
        assumeTrue(Files.getFileStore(keyFile).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent()))).isEqualTo("rwx------");
        try (var files = Files.list(keyFile.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(keyFile);
        }
    }

    @Test
    void theKeyFileIsDocumentedTextWithOneLinePerKey() {
        Path keyFile = dir.resolve("personal-data.keys");
        new PersonalDataKeys(keyFile);

        String text = KeyFiles.read(keyFile);

        assertThat(text).startsWith("# Iskra personal-data keys.").contains("Back it up apart from the database");
        assertThat(text.lines().filter(line -> !line.startsWith("#")))
                .satisfiesExactly(
                        aes -> assertThat(aes).matches("[0-9a-f]{8} aes-current [A-Za-z0-9+/]{43}="),
                        hmac -> assertThat(hmac).matches("[0-9a-f]{8} hmac [A-Za-z0-9+/]{43}="));
    }

    @Test
    void aRotationAddsACurrentKeyAndKeepsTheOthersTheHmacKeyAndTheComments() throws IOException {
        Path keyFile = dir.resolve("keys/personal-data.keys");
        PersonalDataKeys before = new PersonalDataKeys(keyFile);
        PersonalDataCipher cipher = new PersonalDataCipher(before);
        String sealed = cipher.seal("Ольга", NAME, "row-1");
        String hash = new KeyedHash(before).of("join_request.email", "olga@example.org");
        String text = KeyFiles.read(keyFile);

        String first = KeyFile.rotate(keyFile, new SecureRandom());
        String second = KeyFile.rotate(keyFile, new SecureRandom());

        String rotated = KeyFiles.read(keyFile);
        assertThat(rotated.lines().filter(line -> line.startsWith("#")))
                .containsExactlyElementsOf(text.lines().filter(line -> line.startsWith("#")).toList());
        assertThat(rotated).contains(before.currentAesId() + " aes ").contains(first + " aes ").contains(second + " aes-current ")
                .contains(text.lines().filter(line -> line.contains(" hmac ")).findFirst().orElseThrow());
        PersonalDataKeys after = new PersonalDataKeys(keyFile);
        assertThat(after.currentAesId()).isEqualTo(second);
        assertThat(new PersonalDataCipher(after).open(sealed, NAME, "row-1")).isEqualTo("Ольга");
        assertThat(new KeyedHash(after).of("join_request.email", "olga@example.org")).isEqualTo(hash);
        assumeTrue(Files.getFileStore(keyFile).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aMalformedKeyFileIsNotRotatedAndStaysAsItWas() {
        Path keyFile = KeyFiles.write(dir.resolve("personal-data.keys"), "k1 aes " + KeyFiles.key() + "\n");

        assertThatThrownBy(() -> KeyFile.rotate(keyFile, new SecureRandom()))
                .hasMessageContaining("has no aes-current key");
        assertThat(KeyFiles.read(keyFile)).startsWith("k1 aes ");
    }

    @Test
    void aRestartReusesTheKeysSoWhatWasSealedBeforeStillOpens() {
        Path keyFile = dir.resolve("keys/personal-data.keys");
        PersonalDataCipher beforeRestart = new PersonalDataCipher(new PersonalDataKeys(keyFile));
        String sealed = beforeRestart.seal("Ольга, Харків", NAME, "row-1");
        String fileBefore = KeyFiles.read(keyFile);

        PersonalDataCipher afterRestart = new PersonalDataCipher(new PersonalDataKeys(keyFile));

        assertThat(afterRestart.open(sealed, NAME, "row-1")).isEqualTo("Ольга, Харків");
        assertThat(KeyFiles.read(keyFile)).isEqualTo(fileBefore);
    }

    @Test
    void aMalformedKeyFileStopsTheStartWithAMessageSayingWhatIsWrongAndIsLeftAsItWas() {
        String aes = KeyFiles.key();
        String hmac = KeyFiles.key();
        Map<String, String> problems = Map.ofEntries(
                Map.entry("", "it has no aes-current key"),
                Map.entry("# only a comment\n", "it has no aes-current key"),
                Map.entry("a1 aes-current " + aes + "\n", "it has no hmac key"),
                Map.entry("h1 hmac " + hmac + "\n", "it has no aes-current key"),
                Map.entry("a1 aes-current " + aes + "\na2 aes-current " + KeyFiles.key() + "\nh1 hmac " + hmac + "\n",
                        "lines 1 and 2 are both aes-current"),
                Map.entry("a1 aes-current " + aes + "\nh1 hmac " + hmac + "\nh2 hmac " + KeyFiles.key() + "\n",
                        "lines 2 and 3 are both hmac keys"),
                Map.entry("a1 aes-current " + aes + "\na1 aes " + KeyFiles.key() + "\nh1 hmac " + hmac + "\n",
                        "key id a1 is on line 1 and again on line 2"),
                Map.entry("a1 aes-current not-base64!\nh1 hmac " + hmac + "\n", "line 1: the key is not base64"),
                Map.entry("a1 aes-current c2hvcnQ=\nh1 hmac " + hmac + "\n", "line 1: the key is 5 bytes long, not 32"),
                Map.entry("a1 des " + aes + "\nh1 hmac " + hmac + "\n", "line 1: the key type is not one of"),
                Map.entry("\n\na1 aes-current " + aes + " extra\nh1 hmac " + hmac + "\n", "line 3 is not \"{id} {type} {base64 key}\""),
                Map.entry("a.1 aes-current " + aes + "\nh1 hmac " + hmac + "\n", "line 1: a key id is"));
        int n = 0;
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            Path keyFile = KeyFiles.write(dir.resolve("bad-" + n++ + ".keys"), problem.getKey());

            assertThatThrownBy(() -> new PersonalDataKeys(keyFile))
                    .as(problem.getValue())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The personal-data key file " + keyFile + " is malformed: " + problem.getValue())
                    .hasMessageContaining("restore it from your backup")
                    .hasMessageNotContaining(aes)
                    .hasMessageNotContaining(hmac);
            assertThat(KeyFiles.read(keyFile)).isEqualTo(problem.getKey());
        }
    }

    @Test
    void aKeyFileThatIsNotUtf8IsMalformed() throws IOException {
        Path keyFile = dir.resolve("binary.keys");
        Files.write(keyFile, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertThatThrownBy(() -> new PersonalDataKeys(keyFile)).hasMessageContaining("is malformed: it is not UTF-8 text");
    }

    @Test
    void theKeysNeverAppearInTheirStringForm() {
        Path keyFile = dir.resolve("personal-data.keys");
        KeyFile.create(keyFile, new SecureRandom());
        KeyFile.Keys keys = KeyFile.load(keyFile);
        String text = KeyFiles.read(keyFile);
        String aesKey = text.lines().filter(l -> l.contains(" aes-current ")).findFirst().orElseThrow().split(" ")[2];
        assertThat(keys.toString()).contains(keys.currentAesId()).doesNotContain(aesKey);
    }
}
