package org.iskra.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Ten single-use codes for the day the phone is lost: 16 characters from an alphabet without look-alikes, 80 bits
 * each, so a plain SHA-256 (with the user's id mixed in) is enough to keep them: guessing one from its hash is out of
 * reach, unlike a password. Shown once, at enrolment; only the hashes are stored.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** New codes, written in groups of four: {@code k7mq-2xbd-…}. */
    static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Whether what was typed has the shape of a recovery code rather than of a six-digit one. */
    static boolean looksLikeOne(String typed) {
        return typed != null && normalize(typed).length() == LENGTH;
    }

    static String hash(long userId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + normalize(code)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String normalize(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
