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
 * Encrypts personal data before it is stored: AES-256-GCM with a random 96-bit nonce, and the purpose of the value
 * (such as {@code join_request.email}) as associated data, so a value cannot be moved into another column without
 * the move being detected. A sealed value is ASCII, {@code v1.{keyId}.{base64url(nonce | ciphertext | tag)}}, and
 * names the key that sealed it, so values sealed with an older key still open after a new key became current.
 */
@Component
public final class PersonalDataCipher {

    private static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ".";
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

    /** The plaintext sealed with the current key for this purpose; null stays null. */
    public String seal(String plaintext, String purpose) {
        requirePurpose(purpose);
        if (plaintext == null) {
            return null;
        }
        KeyFile.Keys current = keys.keys();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = sealing.get();
            cipher.init(Cipher.ENCRYPT_MODE, current.aes().get(current.currentAesId()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
        byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + current.currentAesId() + "." + ENCODER.encodeToString(payload);
    }

    /**
     * The plaintext of a value sealed for this purpose; null stays null.
     *
     * @throws SealedValueException if the value was altered, sealed for another purpose, sealed with a key the key
     *         file does not hold, or is not a sealed value
     */
    public String open(String sealed, String purpose) {
        requirePurpose(purpose);
        if (sealed == null) {
            return null;
        }
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
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("the sealed value was altered, or was not sealed for " + purpose);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Whether the value is sealed with the key that seals new values; null counts as current, since there is nothing
     * to re-encrypt. For key rotation.
     *
     * @throws SealedValueException if it is not a sealed value
     */
    public boolean sealedWithCurrentKey(String sealed) {
        return sealed == null || Token.parse(sealed).keyId().equals(keys.currentAesId());
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

    private static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a sealed value needs a purpose, such as join_request.email");
        }
    }

    private record Token(String keyId, String payload) {

        static Token parse(String sealed) {
            int dot = sealed.indexOf('.', PREFIX.length());
            if (!sealed.startsWith(PREFIX) || dot < 0) {
                throw new SealedValueException("not a sealed value (expected " + VERSION + ".{key id}.{data})");
            }
            String keyId = sealed.substring(PREFIX.length(), dot);
            if (!KeyFile.ID.matcher(keyId).matches()) {
                throw new SealedValueException("not a sealed value (its key id is malformed)");
            }
            return new Token(keyId, sealed.substring(dot + 1));
        }
    }
}
