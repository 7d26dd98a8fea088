package org.iskra.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.iskra.mail.Outbox;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.mail.OutgoingMail;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links that let an invited staff user choose their password. The token is 256 random bits; only its
 * SHA-256 hash is stored, it works for 72 hours and once: it is used up in the transaction that sets the password,
 * never without it. It never reaches a log: the link's page sends no Referer, error logs name the route's pattern.
 */
@Service
class Invitations {

    static final Duration LIFETIME = Duration.ofHours(72);

    enum State { VALID, EXPIRED, USED, UNKNOWN }

    /** What a link leads to; {@code email} and {@code displayName} are set only for a valid link. */
    record Lookup(State state, String email, String displayName) {
    }

    private final InvitationStore store;
    private final StaffStore staff;
    private final Outbox outbox;
    private final PageFrames frames;
    private final IskraProperties site;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    Invitations(InvitationStore store, StaffStore staff, Outbox outbox, PageFrames frames, IskraProperties site,
                PasswordPolicy policy, PasswordEncoder encoder, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.staff = staff;
        this.outbox = outbox;
        this.frames = frames;
        this.site = site;
        this.policy = policy;
        this.encoder = encoder;
    }

    /** Issues a new link for this user, replacing any earlier one, and queues the mail carrying it. */
    @Transactional
    void send(StaffUser user, String inviterName, Language language) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String token = newToken();
        store.replace(user.id(), hash(token), now.plus(LIFETIME), now);
        Messages t = frames.messages(language);
        String link = site.baseUrl() + "/admin/invitation/" + token;
        outbox.enqueue(new OutgoingMail("staff.invitation", user.email(),
                t.get("accounts.mail.invitation.subject", t.get("site.name")),
                t.get("accounts.mail.invitation.body", user.displayName(), inviterName, t.get("site.name"), link,
                        LIFETIME.toHours()),
                language.code()));
    }

    Lookup lookup(String token) {
        Optional<InvitationStore.Found> found = wellFormed(token) ? store.find(hash(token)) : Optional.empty();
        if (found.isEmpty() || !found.get().enabled()) {
            return new Lookup(State.UNKNOWN, null, null);
        }
        InvitationStore.Found invitation = found.get();
        if (invitation.usedAt() != null) {
            return new Lookup(State.USED, null, null);
        }
        if (!invitation.expiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            return new Lookup(State.EXPIRED, null, null);
        }
        return new Lookup(State.VALID, invitation.email(), invitation.displayName());
    }

    /**
     * Sets the password chosen through this link and uses the link up; false when the link no longer works.
     *
     * @throws PasswordRejectedException when the password does not meet the policy (the link still works)
     */
    @Transactional
    boolean accept(String token, String password, String clientAddress) {
        policy.check(password);
        if (!wellFormed(token)) {
            return false;
        }
        Optional<InvitationStore.Found> found = store.find(hash(token));
        if (found.isEmpty() || !found.get().enabled()) {
            return false;
        }
        // the password first: should anything fail, the transaction rolls back and the link still works
        String passwordHash = encoder.encode(password);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        staff.setPassword(found.get().userId(), passwordHash, now);
        if (!store.use(hash(token), now)) {
            throw new LinkUsedMeanwhile();
        }
        audit.record(new Actor(found.get().userId(), clientAddress), "staff.invitation.accept", "staff_user",
                String.valueOf(found.get().userId()), null, null);
        return true;
    }

    /** Two answers to one link at once: the one that lost rolls back, its password unset. */
    static final class LinkUsedMeanwhile extends RuntimeException {
        LinkUsedMeanwhile() {
            super("the invitation was used meanwhile", null, false, false);
        }
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
