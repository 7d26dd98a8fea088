package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    private static final SealedField EMAIL = new SealedField("join_request", "email", "join_request.email");
    private static final SealedField PHONE = new SealedField("join_request", "phone", "join_request.phone");
    private static final SealedField CITY = new SealedField("join_request", "city", "join_request.city");
    private static final SealedField NOTE = new SealedField("join_event", "note", "join_event.note");
    private static final String ROW = "0b7f3c51-6f9e-4a53-9d64-3f4f2d1b8a10";

    @TempDir
    Path dir;

    private PersonalDataCipher cipher(Path keyFile) {
        return new PersonalDataCipher(new PersonalDataKeys(keyFile));
    }

    private PersonalDataCipher cipher() {
        return cipher(dir.resolve("keys/personal-data.keys"));
    }

    @Test
    void opensWhatItSealedInAnyScript() {
        PersonalDataCipher cipher = cipher();
        for (String text : List.of("Анна Петровна Сидорова", "أحمد عبد الله", "✊🏽 солидарность 🌍", "", "a",
                "line one\nline two\r\n\ttabbed", "x".repeat(100_000))) {
            String sealed = cipher.seal(text, EMAIL, ROW);
            assertThat(cipher.open(sealed, EMAIL, ROW)).isEqualTo(text);
        }
    }

    @Test
    void aSealedValueIsCompactAsciiNamingItsKeyAndHidesThePlaintext() {
        PersonalDataCipher cipher = cipher();
        String plaintext = "anna.sidorova@example.org";
        String sealed = cipher.seal(plaintext, EMAIL, ROW);
        assertThat(sealed).matches("v2\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+");
        assertThat(sealed).doesNotContain(plaintext).doesNotContain("anna").doesNotContain("example").doesNotContain(ROW);
        // nonce (12) + ciphertext (as long as the text) + tag (16), in base64url without padding
        assertThat(sealed.length() - sealed.lastIndexOf('.') - 1).isEqualTo((int) Math.ceil((12 + plaintext.length() + 16) * 4 / 3.0));
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentValues() {
        PersonalDataCipher cipher = cipher();
        Set<String> sealed = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            sealed.add(cipher.seal("same text", EMAIL, ROW));
        }
        assertThat(sealed).hasSize(1000);
    }

    @Test
    void anAlteredValueIsRefused() {
        PersonalDataCipher cipher = cipher();
        String sealed = cipher.seal("Москва, ул. Тверская", CITY, ROW);
        int dataStart = sealed.lastIndexOf('.') + 1;
        for (int i = dataStart; i < sealed.length(); i++) {
            char[] chars = sealed.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String altered = new String(chars);
            assertThatThrownBy(() -> cipher.open(altered, CITY, ROW))
                    .as("altered at %d", i)
                    .isInstanceOf(SealedValueException.class);
        }
        assertThatThrownBy(() -> cipher.open(sealed.substring(0, sealed.length() - 4), CITY, ROW))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aValueSealedForOneColumnDoesNotOpenForAnother() {
        PersonalDataCipher cipher = cipher();
        String sealed = cipher.seal("+7 999 123-45-67", PHONE, ROW);
        assertThatThrownBy(() -> cipher.open(sealed, EMAIL, ROW))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("was not sealed for join_request.email")
                .hasMessageNotContaining("999");
        assertThatThrownBy(() -> cipher.open(sealed, new SealedField("join_event", "phone", "join_request.phone"), ROW))
                .as("the same column name in another table").isInstanceOf(SealedValueException.class);
    }

    @Test
    void aValueMovedIntoAnotherRowDoesNotOpenThere() {
        PersonalDataCipher cipher = cipher();
        String other = UUID.randomUUID().toString();
        String anna = cipher.seal("anna@example.org", EMAIL, ROW);
        String boris = cipher.seal("boris@example.org", EMAIL, other);

        assertThatThrownBy(() -> cipher.open(anna, EMAIL, other))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("of this row")
                .hasMessageNotContaining("anna");
        assertThatThrownBy(() -> cipher.open(boris, EMAIL, ROW)).isInstanceOf(SealedValueException.class);
        assertThat(cipher.open(anna, EMAIL, ROW)).isEqualTo("anna@example.org");
        assertThat(cipher.needsResealing(anna)).isFalse();
        assertThat(cipher.sealedForColumnOnly(anna)).isFalse();
    }

    @Test
    void aValueSealedTheOldWayOpensForItsColumnUntilItIsSealedAgainBoundToItsRow() throws Exception {
        Path keyFile = dir.resolve("keys/personal-data.keys");
        PersonalDataKeys keys = new PersonalDataKeys(keyFile);
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        String old = sealedForColumnOnly(keys, "Ануш", "join_event.note");

        assertThat(cipher.open(old, NOTE, ROW)).isEqualTo("Ануш");
        assertThat(cipher.open(old, NOTE, "event-12")).as("not bound to a row: it opens in any").isEqualTo("Ануш");
        assertThatThrownBy(() -> cipher.open(old, EMAIL, ROW)).isInstanceOf(SealedValueException.class);
        assertThat(cipher.sealedForColumnOnly(old)).isTrue();
        assertThat(cipher.needsResealing(old)).isTrue();

        String bound = cipher.seal(cipher.open(old, NOTE, ROW), NOTE, ROW);
        assertThat(cipher.needsResealing(bound)).isFalse();
        assertThatThrownBy(() -> cipher.open(bound, NOTE, "event-12")).isInstanceOf(SealedValueException.class);
    }

    @Test
    void aValueSealedWithAKeyThatIsNotInTheKeyFileIsRefusedNamingTheKey() {
        PersonalDataCipher elsewhere = cipher(dir.resolve("other/personal-data.keys"));
        String sealed = elsewhere.seal("secret", EMAIL, ROW);
        String keyId = sealed.split("\\.")[1];
        assertThatThrownBy(() -> cipher().open(sealed, EMAIL, ROW))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("key " + keyId + ", which is not in the key file");
    }

    @Test
    void somethingThatIsNotASealedValueIsRefused() {
        PersonalDataCipher cipher = cipher();
        String realKey = cipher.seal("x", EMAIL, ROW).split("\\.")[1];
        for (String notSealed : List.of("", "plain text", "v2.", "v2." + realKey, "v3." + realKey + ".AAAA",
                "v2.bad key.AAAA", "v2." + realKey + ".not*base64", "v2." + realKey + ".AAAA", "v1." + realKey + ".AAAA")) {
            assertThatThrownBy(() -> cipher.open(notSealed, EMAIL, ROW)).as(notSealed).isInstanceOf(SealedValueException.class);
        }
    }

    @Test
    void nullStaysNullAndAFieldAndARowAreRequired() {
        PersonalDataCipher cipher = cipher();
        assertThat(cipher.seal(null, EMAIL, ROW)).isNull();
        assertThat(cipher.open(null, EMAIL, ROW)).isNull();
        assertThat(cipher.needsResealing(null)).isFalse();
        assertThat(cipher.open(null, NOTE, null)).as("an event without a note has no public id").isNull();
        assertThatThrownBy(() -> cipher.seal("x", null, ROW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.seal("x", EMAIL, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open("x", EMAIL, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedField("join_request; drop", "email", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterARotationOlderValuesStillOpenAndNewOnesUseTheNewKey() {
        Path keyFile = dir.resolve("keys/personal-data.keys");
        PersonalDataCipher before = cipher(keyFile);
        String old = before.seal("Анна", EMAIL, ROW);
        assertThat(before.needsResealing(old)).isFalse();

        KeyFiles.rotate(keyFile, "k2027");
        PersonalDataCipher after = cipher(keyFile);

        assertThat(after.open(old, EMAIL, ROW)).isEqualTo("Анна");
        assertThat(after.needsResealing(old)).isTrue();
        String renewed = after.seal("Анна", EMAIL, ROW);
        assertThat(renewed).startsWith("v2.k2027.");
        assertThat(after.needsResealing(renewed)).isFalse();
    }

    /**
     * A value as versions before the row binding sealed it: {@code v1.{key}.{nonce | ciphertext | tag}} with the
     * column's purpose alone as associated data. Written here from that description, so that the cipher is tested
     * against the format, not against itself.
     */
    static String sealedForColumnOnly(PersonalDataKeys keys, String plaintext, String purpose) throws Exception {
        KeyFile.Keys current = keys.keys();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, current.aes().get(current.currentAesId()), new GCMParameterSpec(128, nonce));
        aes.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] payload = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return "v1." + current.currentAesId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }
}
