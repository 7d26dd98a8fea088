package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedHashTest {

    @TempDir
    Path dir;

    private KeyedHash hash(Path keyFile) {
        return new KeyedHash(new PersonalDataKeys(keyFile));
    }

    @Test
    void theSameValueHasTheSameHashAcrossRestarts() {
        Path keyFile = dir.resolve("keys/personal-data.keys");
        String first = hash(keyFile).of("join_request.email", "anna@example.org");
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(hash(keyFile).of("join_request.email", "anna@example.org")).isEqualTo(first);
        assertThat(hash(keyFile).of("join_request.email", "Anna@example.org")).as("callers normalize, not the hash").isNotEqualTo(first);
    }

    @Test
    void purposesSeparateHashesOfTheSameValue() {
        KeyedHash hash = hash(dir.resolve("keys/personal-data.keys"));
        assertThat(hash.of("join_request.email", "anna@example.org"))
                .isNotEqualTo(hash.of("outbox.recipient", "anna@example.org"));
        // the zero byte between them keeps the boundary: ("ab", "c") is not ("a", "bc")
        assertThat(hash.of("ab", "c")).isNotEqualTo(hash.of("a", "bc"));
    }

    @Test
    void anotherKeyGivesUnrelatedHashes() {
        assertThat(hash(dir.resolve("one/k.keys")).of("join_request.email", "anna@example.org"))
                .isNotEqualTo(hash(dir.resolve("two/k.keys")).of("join_request.email", "anna@example.org"));
    }

    @Test
    void nullStaysNullAndAPurposeIsRequired() {
        KeyedHash hash = hash(dir.resolve("keys/personal-data.keys"));
        assertThat(hash.of("join_request.email", null)).isNull();
        assertThat(hash.of("join_request.email", "")).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> hash.of("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hash.of("a\0b", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
