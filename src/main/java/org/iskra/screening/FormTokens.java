package org.iskra.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.iskra.privacy.KeyedHash;

/**
 * The hidden token of a public form: {@code {issued epoch second}.{random nonce}.{HMAC}}. It signs when the form was
 * served, so a form sent too soon (a bot) or too late is recognised without storing anything. Each form has its own
 * purpose (the HMAC's domain), so a token of one form is worthless in another; a feature extends this class with
 * its purpose and its settings and declares that as its bean.
 */
public class FormTokens {

    public enum Verdict { VALID, TOO_FAST, EXPIRED, FORGED }

    private static final int MAX_LENGTH = 200;
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,12}\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{64}");

    private final KeyedHash hash;
    private final String purpose;
    private final Duration minFillTime;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param minFillTime a form sent sooner after it was served is {@link Verdict#TOO_FAST}: people do not type that fast
     * @param lifetime    a form older than this is {@link Verdict#EXPIRED}
     */
    protected FormTokens(KeyedHash hash, String purpose, Duration minFillTime, Duration lifetime) {
        this.hash = hash;
        this.purpose = purpose;
        this.minFillTime = minFillTime;
        this.lifetime = lifetime;
    }

    public String issue() {
        return issue(Instant.now());
    }

    public String issue(Instant issuedAt) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = issuedAt.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + hash.of(purpose, payload);
    }

    public Verdict check(String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
            return Verdict.FORGED;
        }
        int last = token.lastIndexOf('.');
        String payload = token.substring(0, last);
        byte[] expected = hash.of(purpose, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.FORGED;
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(payload.substring(0, payload.indexOf('.'))));
        Duration age = Duration.between(issued, now);
        if (age.isNegative() || age.compareTo(minFillTime) < 0) {
            return Verdict.TOO_FAST;
        }
        if (age.compareTo(lifetime) > 0) {
            return Verdict.EXPIRED;
        }
        return Verdict.VALID;
    }
}
