package org.iskra.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.iskra.privacy.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * The links in a subscriber's mail: {@code {link id}.{signature}}, the signature a keyed hash of the link id for the
 * link's purpose (confirming, or managing and unsubscribing). The sender can make every copy's links again from the
 * link id without storing them, and the database alone, without the key file, cannot make a working link.
 */
@Component
class SubscriberLinks {

    static final String CONFIRM = "newsletter.confirm";
    static final String MANAGE = "newsletter.manage";

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{22})\\.([0-9a-f]{32})");

    private final KeyedHash hash;
    private final SecureRandom random = new SecureRandom();

    SubscriberLinks(KeyedHash hash) {
        this.hash = hash;
    }

    String newLinkId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String token(String linkId, String purpose) {
        return linkId + "." + signature(linkId, purpose);
    }

    /** The link id a token names, if its signature is right for the purpose. */
    Optional<String> linkId(String token, String purpose) {
        if (token == null || token.length() > 60) {
            return Optional.empty();
        }
        var match = SHAPE.matcher(token);
        if (!match.matches()) {
            return Optional.empty();
        }
        byte[] expected = signature(match.group(1), purpose).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, match.group(2).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(match.group(1)) : Optional.empty();
    }

    private String signature(String linkId, String purpose) {
        // 128 bits of the HMAC: as hard to guess as a random token of that size
        return hash.of(purpose, linkId).substring(0, 32);
    }
}
