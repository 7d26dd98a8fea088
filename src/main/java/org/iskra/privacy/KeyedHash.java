package org.iskra.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SHA256) of a personal value, to find and compare values without storing them: an email's hash
 * finds an applicant's requests, and equal hashes are a duplicate. Without the key the hash cannot be recomputed
 * from a guessed value, unlike a plain hash. The purpose is hashed too, so the same value has unrelated hashes in
 * different places. Callers normalize the value first (an email in lower case, stripped).
 */
@Component
public final class KeyedHash {

    private final PersonalDataKeys keys;
    // a Mac is not thread-safe and costly to look up and key; each thread keeps one, keyed again only when the key
    // file was reloaded with another key (doFinal leaves it ready for the next value under the same key)
    private final ThreadLocal<KeyedMac> macs = new ThreadLocal<>();

    private record KeyedMac(SecretKey key, Mac mac) {
    }

    KeyedHash(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** 64 lower-case hex digits: HMAC-SHA256 of {@code purpose}, a zero byte and {@code value}; null stays null. */
    public String of(String purpose, String value) {
        if (purpose == null || purpose.isBlank() || purpose.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a keyed hash needs a purpose without zero characters, such as join_request.email");
        }
        if (value == null) {
            return null;
        }
        try {
            Mac mac = mac(keys.hmac());
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private Mac mac(SecretKey key) throws GeneralSecurityException {
        KeyedMac cached = macs.get();
        if (cached == null || cached.key() != key) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            cached = new KeyedMac(key, mac);
            macs.set(cached);
        }
        Mac mac = cached.mac();
        mac.reset();
        return mac;
    }
}
