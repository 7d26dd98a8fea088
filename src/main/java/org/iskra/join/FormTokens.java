package org.iskra.join;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.iskra.privacy.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * The hidden token of a join form: {@code {issued epoch second}.{random nonce}.{HMAC}}. It signs when the form was
 * served, so a form sent too soon (a bot) or too late is recognised without storing anything, and it names the
 * submission, so a retried POST with the same token finds the request it already created.
 */
@Component
class FormTokens {

    enum Verdict { VALID, TOO_FAST, EXPIRED, FORGED }

    private static final String PURPOSE = "join.form_token";
    private static final int MAX_LENGTH = 200;
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,12}\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{64}");

    private final KeyedHash hash;
    private final JoinProperties properties;
    private final SecureRandom random = new SecureRandom();

    FormTokens(KeyedHash hash, JoinProperties properties) {
        this.hash = hash;
        this.properties = properties;
    }

    String issue() {
        return issue(Instant.now());
    }

    String issue(Instant issuedAt) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = issuedAt.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + hash.of(PURPOSE, payload);
    }

    Verdict check(String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
            return Verdict.FORGED;
        }
        int last = token.lastIndexOf('.');
        String payload = token.substring(0, last);
        byte[] expected = hash.of(PURPOSE, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.FORGED;
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(payload.substring(0, payload.indexOf('.'))));
        Duration age = Duration.between(issued, now);
        if (age.isNegative() || age.compareTo(properties.minFillTime()) < 0) {
            return Verdict.TOO_FAST;
        }
        if (age.compareTo(properties.formLifetime()) > 0) {
            return Verdict.EXPIRED;
        }
        return Verdict.VALID;
    }
}
