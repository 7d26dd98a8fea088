package org.iskra.accounts;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes as every authenticator app makes them: HMAC-SHA1, six digits, 30-second steps. A code is accepted
 * for the step before and after the current one too (a phone's clock a little off, a code typed as it changes);
 * which step matched is returned so the caller can refuse it a second time.
 */
@Component
class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** 160 bits, the HMAC-SHA1 block of RFC 4226's recommendation. */
    static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    long currentStep() {
        return Instant.now().getEpochSecond() / STEP.toSeconds();
    }

    String code(byte[] secret, long step) {
        try {
            int code = generator.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format("%0" + DIGITS + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of " + secret.length + " bytes", e);
        }
    }

    /** The step within one of {@code now} whose code this is, if any; every step is computed, so time tells nothing. */
    Optional<Long> matchingStep(byte[] secret, String typed, long now) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        Long found = null;
        for (long step = now - 1; step <= now + 1; step++) {
            if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes()) && found == null) {
                found = step;
            }
        }
        return Optional.ofNullable(found);
    }
}
