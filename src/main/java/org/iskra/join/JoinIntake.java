package org.iskra.join;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.iskra.organizing.ApplicantFields;
import org.iskra.organizing.IncomingRequests;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving a join request: sealed here, on the request's thread, then recorded by {@link JoinCommitter} together
 * with whatever else arrived meanwhile, routed to a section, with its deadline, its first event and its mail
 * (confirmation to the applicant, notice to the section's organizers) in one transaction. When {@link #receive}
 * returns, all of it is committed; mail goes out later from the outbox.
 */
@Service
class JoinIntake {

    static final String CONFIRMATION = "join_request.confirmation";

    private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final IncomingRequests store;
    private final JoinCommitter committer;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;
    private final JoinProperties properties;
    private final SecureRandom random = new SecureRandom();

    JoinIntake(IncomingRequests store, JoinCommitter committer, PersonalDataCipher cipher, KeyedHash hash,
               JoinProperties properties) {
        this.store = store;
        this.committer = committer;
        this.cipher = cipher;
        this.hash = hash;
        this.properties = properties;
    }

    /** A committed request: its public id, and whether this submission stored it or found it stored before. */
    record Receipt(String publicId, boolean stored) {
    }

    /**
     * Stores the request and returns once it is committed. A form token already stored (a retried POST, or two
     * concurrent submissions of one form) stores nothing and returns the first request's id. Throws
     * {@link JoinNotStoredException} when the request could not be committed.
     */
    public Receipt receive(NewJoinRequest request) {
        String confirmationToken = randomToken();
        String email = request.email().strip();
        // the public id comes first: every sealed value is bound to it, before the row exists
        String publicId = UUID.randomUUID().toString();
        IncomingRequests.Sealed sealed = new IncomingRequests.Sealed(
                cipher.seal(request.name(), ApplicantFields.NAME, publicId),
                cipher.seal(email, ApplicantFields.EMAIL, publicId),
                cipher.seal(request.phone(), ApplicantFields.PHONE, publicId),
                cipher.seal(request.city(), ApplicantFields.CITY, publicId),
                cipher.seal(request.message(), ApplicantFields.MESSAGE, publicId),
                emailHash(email));
        return committer.commit(new PreparedJoin(publicId, request.formToken(),
                request.countryCode(), request.language(), request.sourcePath(), sealed,
                hash.of(CONFIRMATION, confirmationToken), request.name(), email, confirmationToken));
    }

    /** Marks the request whose confirmation link this is as confirmed; false for an unknown or expired link. */
    @Transactional
    public boolean confirm(String token) {
        if (token == null || !CONFIRMATION_TOKEN.matcher(token).matches()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<Long> id = store.byConfirmation(hash.of(CONFIRMATION, token), now.minus(properties.confirmationLifetime()));
        if (id.isEmpty()) {
            return false;
        }
        store.confirm(id.get(), now);
        return true;
    }

    String emailHash(String email) {
        return hash.of(ApplicantFields.EMAIL_HASH, email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
