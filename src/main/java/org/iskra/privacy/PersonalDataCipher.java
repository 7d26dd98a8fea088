package org.iskra.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal data before it is stored: AES-256-GCM with a random 96-bit nonce, and as associated data the
 * table, the column and the public id of the row the value belongs to. A value moved into another column, or into
 * another row (a request into another section, one applicant's address into another's request), no longer opens:
 * the move is detected, not believed. A sealed value is ASCII, {@code v2.{keyId}.{base64url(nonce | ciphertext |
 * tag)}}, and names the key that sealed it, so values sealed with an older key still open after a new key became
 * current.
 *
 * <p>Values sealed before the row binding ({@code v1.…}, with the column's purpose alone as associated data) still
 * open, for their column, until {@code keys reseal} seals them again the new way; until then they are as movable
 * between rows as they were. {@link #needsResealing} tells them apart.
 */
@Component
public final class PersonalDataCipher {

    private static final String VERSION = "v2";
    private static final String PREFIX = VERSION + ".";
    /** Sealed for a column only, before values were bound to their row. */
    private static final String LEGACY_PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();
    // looking a Cipher up in the providers costs more than the encryption of a short value; an instance is not
    // thread-safe, so each thread keeps its own and initializes it afresh (key and nonce) for every value
    private final ThreadLocal<Cipher> sealing = ThreadLocal.withInitial(PersonalDataCipher::newCipher);
    private final ThreadLocal<Cipher> opening = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

    PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /**
     * The plaintext sealed with the current key, bound to the field and to the public id of its row; null stays
     * null (whatever the row). The row's public id must be known before the value is stored: rows whose values are sealed get their
     * public id from the application, not from the database.
     */
    public String seal(String plaintext, SealedField field, String rowId) {
        if (plaintext == null) {
            return null;
        }
        requireRow(field, rowId);
        KeyFile.Keys current = keys.keys();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = sealing.get();
            cipher.init(Cipher.ENCRYPT_MODE, current.aes().get(current.currentAesId()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(field, rowId));
            sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
        byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + current.currentAesId() + "." + ENCODER.encodeToString(payload);
    }

    /**
     * The plaintext of a value sealed for this field of this row (or, sealed the old way, for this field); null
     * stays null.
     *
     * @throws SealedValueException if the value was altered, sealed for another field or another row, sealed with a
     *         key the key file does not hold, or is not a sealed value
     */
    public String open(String sealed, SealedField field, String rowId) {
        if (sealed == null) {
            // nothing sealed (an erased value, an event without a note): nothing to bind
            return null;
        }
        requireRow(field, rowId);
        Token token = Token.parse(sealed);
        SecretKey key = keys.aes(token.keyId());
        if (key == null) {
            throw new SealedValueException("the value was sealed with key " + token.keyId() + ", which is not in the key file "
                    + keys.file() + "; restore the key file that holds it");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(token.payload());
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("the sealed value is not base64url");
        }
        // the decoder ignores the spare bits of the last character; refusing every other spelling means any change
        // to a sealed value is detected, not only changes to the bytes it decodes to
        if (!ENCODER.encodeToString(payload).equals(token.payload())) {
            throw new SealedValueException("the sealed value was altered (it is not in canonical base64url)");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("the sealed value is too short to be one");
        }
        try {
            Cipher cipher = opening.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(token.legacy() ? field.legacyPurpose().getBytes(StandardCharsets.UTF_8) : associatedData(field, rowId));
            byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("the sealed value was altered, or was not sealed for " + field
                    + (token.legacy() ? "" : " of this row"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Whether {@code keys reseal} should seal the value again: sealed with an older key, or the old way (not bound
     * to its row). Null needs nothing.
     *
     * @throws SealedValueException if it is not a sealed value
     */
    public boolean needsResealing(String sealed) {
        if (sealed == null) {
            return false;
        }
        Token token = Token.parse(sealed);
        return token.legacy() || !token.keyId().equals(keys.currentAesId());
    }

    /** Whether the value was sealed the old way, for its column only; false for null. */
    public boolean sealedForColumnOnly(String sealed) {
        return sealed != null && Token.parse(sealed).legacy();
    }

    /**
     * The id of the key that sealed the value, without opening it; null for null.
     *
     * @throws SealedValueException if it is not a sealed value
     */
    public String keyIdOf(String sealed) {
        return sealed == null ? null : Token.parse(sealed).keyId();
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private static void requireRow(SealedField field, String rowId) {
        if (field == null) {
            throw new IllegalArgumentException("a sealed value needs the field it is stored in");
        }
        if (rowId == null || rowId.isBlank()) {
            throw new IllegalArgumentException("a value of " + field + " is bound to the public id of its row, and there is none");
        }
    }

    /** Table, column and row, each a plain identifier but the last (which is last, so nothing is ambiguous). */
    private static byte[] associatedData(SealedField field, String rowId) {
        return ("iskra." + VERSION + "|" + field.table() + "|" + field.column() + "|" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    private record Token(boolean legacy, String keyId, String payload) {

        static Token parse(String sealed) {
            boolean legacy = sealed.startsWith(LEGACY_PREFIX);
            String prefix = legacy ? LEGACY_PREFIX : PREFIX;
            int dot = sealed.indexOf('.', prefix.length());
            if (!sealed.startsWith(prefix) || dot < 0) {
                throw new SealedValueException("not a sealed value (expected " + VERSION + ".{key id}.{data})");
            }
            String keyId = sealed.substring(prefix.length(), dot);
            if (!KeyFile.ID.matcher(keyId).matches()) {
                throw new SealedValueException("not a sealed value (its key id is malformed)");
            }
            return new Token(legacy, keyId, sealed.substring(dot + 1));
        }
    }
}
