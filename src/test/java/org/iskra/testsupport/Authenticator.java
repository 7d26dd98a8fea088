package org.iskra.testsupport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * The authenticator app of every staff member the tests enrol, written from RFC 6238 (not with the application's
 * code, so that the two check each other): it keeps each account's secret from the enrolment page, as a phone
 * would after scanning the QR code, and makes the codes. Like a patient person it never types the same code twice
 * for an account: when the current one was used, it takes the next step's (the server accepts one step ahead),
 * and past that waits for time to move on.
 */
public final class Authenticator {

    private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> RECOVERY = new ConcurrentHashMap<>();

    private Authenticator() {
    }

    /** Enrols an account with the key as the enrolment page shows it ({@code ABCD EFGH …}). */
    public static void add(String email, String shownKey) {
        SECRETS.put(key(email), new Base32().decode(shownKey.replace(" ", "")));
        LAST_STEP.remove(key(email));
    }

    public static boolean knows(String email) {
        return SECRETS.containsKey(key(email));
    }

    public static void keepRecoveryCodes(String email, List<String> codes) {
        RECOVERY.put(key(email), new ArrayList<>(codes));
    }

    public static List<String> recoveryCodes(String email) {
        return RECOVERY.getOrDefault(key(email), List.of());
    }

    /** A code for this account the server has not seen yet. */
    public static synchronized String nextCode(String email) {
        byte[] secret = SECRETS.get(key(email));
        if (secret == null) {
            throw new IllegalStateException("no authenticator enrolled for " + email);
        }
        long now = step(Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(key(email), Long.MIN_VALUE) + 1);
        while (step > step(Instant.now()) + 1) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(key(email), step);
        return code(secret, step);
    }

    /** The code of the current 30-second step, whether used or not. */
    public static String currentCode(String email) {
        return code(SECRETS.get(key(email)), step(Instant.now()));
    }

    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long step(Instant time) {
        return time.getEpochSecond() / 30;
    }

    private static String key(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
