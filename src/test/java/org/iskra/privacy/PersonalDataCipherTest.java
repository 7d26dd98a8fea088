package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    private static final String EMAIL = "join_request.email";

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
            String sealed = cipher.seal(text, EMAIL);
            assertThat(cipher.open(sealed, EMAIL)).isEqualTo(text);
        }
    }

    @Test
    void aSealedValueIsCompactAsciiNamingItsKeyAndHidesThePlaintext() {
        PersonalDataCipher cipher = cipher();
        String plaintext = "anna.sidorova@example.org";
        String sealed = cipher.seal(plaintext, EMAIL);
        assertThat(sealed).matches("v1\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+");
        assertThat(sealed).doesNotContain(plaintext).doesNotContain("anna").doesNotContain("example");
        // nonce (12) + ciphertext (as long as the text) + tag (16), in base64url without padding
        assertThat(sealed.length() - sealed.lastIndexOf('.') - 1).isEqualTo((int) Math.ceil((12 + plaintext.length() + 16) * 4 / 3.0));
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentValues() {
        PersonalDataCipher cipher = cipher();
        Set<String> sealed = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            sealed.add(cipher.seal("same text", EMAIL));
        }
        assertThat(sealed).hasSize(1000);
    }

    @Test
    void anAlteredValueIsRefused() {
        PersonalDataCipher cipher = cipher();
        String sealed = cipher.seal("Москва, ул. Тверская", "join_request.city");
        int dataStart = sealed.lastIndexOf('.') + 1;
        for (int i = dataStart; i < sealed.length(); i++) {
            char[] chars = sealed.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String altered = new String(chars);
            assertThatThrownBy(() -> cipher.open(altered, "join_request.city"))
                    .as("altered at %d", i)
                    .isInstanceOf(SealedValueException.class);
        }
        assertThatThrownBy(() -> cipher.open(sealed.substring(0, sealed.length() - 4), "join_request.city"))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        PersonalDataCipher cipher = cipher();
        String sealed = cipher.seal("+7 999 123-45-67", "join_request.phone");
        assertThatThrownBy(() -> cipher.open(sealed, "join_request.email"))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("was not sealed for join_request.email")
                .hasMessageNotContaining("999");
    }

    @Test
    void aValueSealedWithAKeyThatIsNotInTheKeyFileIsRefusedNamingTheKey() {
        PersonalDataCipher elsewhere = cipher(dir.resolve("other/personal-data.keys"));
        String sealed = elsewhere.seal("secret", EMAIL);
        String keyId = sealed.split("\\.")[1];
        assertThatThrownBy(() -> cipher().open(sealed, EMAIL))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("key " + keyId + ", which is not in the key file");
    }

    @Test
    void somethingThatIsNotASealedValueIsRefused() {
        PersonalDataCipher cipher = cipher();
        String realKey = cipher.seal("x", EMAIL).split("\\.")[1];
        for (String notSealed : List.of("", "plain text", "v1.", "v1." + realKey, "v2." + realKey + ".AAAA",
                "v1.bad key.AAAA", "v1." + realKey + ".not*base64", "v1." + realKey + ".AAAA")) {
            assertThatThrownBy(() -> cipher.open(notSealed, EMAIL)).as(notSealed).isInstanceOf(SealedValueException.class);
        }
    }

    @Test
    void nullStaysNullAndAPurposeIsRequired() {
        PersonalDataCipher cipher = cipher();
        assertThat(cipher.seal(null, EMAIL)).isNull();
        assertThat(cipher.open(null, EMAIL)).isNull();
        assertThat(cipher.sealedWithCurrentKey(null)).isTrue();
        assertThatThrownBy(() -> cipher.seal("x", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open("x", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterARotationOlderValuesStillOpenAndNewOnesUseTheNewKey() {
        Path keyFile = dir.resolve("keys/personal-data.keys");
        PersonalDataCipher before = cipher(keyFile);
        String old = before.seal("Анна", EMAIL);
        assertThat(before.sealedWithCurrentKey(old)).isTrue();

        KeyFiles.rotate(keyFile, "k2027");
        PersonalDataCipher after = cipher(keyFile);

        assertThat(after.open(old, EMAIL)).isEqualTo("Анна");
        assertThat(after.sealedWithCurrentKey(old)).isFalse();
        String renewed = after.seal("Анна", EMAIL);
        assertThat(renewed).startsWith("v1.k2027.");
        assertThat(after.sealedWithCurrentKey(renewed)).isTrue();
    }
}
