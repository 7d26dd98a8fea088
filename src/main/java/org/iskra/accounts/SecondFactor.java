package org.iskra.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.SealedField;
import org.iskra.site.IskraProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of a staff login: a TOTP authenticator app (with ten recovery codes), and passkeys. Required for
 * everyone who can read personal data (administrators, organizers) and for the roles an administrator adds; open to
 * every other staff member. Every change to it is audited.
 */
@Service
class SecondFactor {

    /** The TOTP secret, sealed and bound to its row's public id. */
    static final SealedField SECRET = new SealedField("staff_totp", "secret", "staff_totp.secret");

    /** The secret being set up: as text for typing in, and as the {@code otpauth:} address a QR code carries. */
    record Enrolment(String secret, String uri) {
    }

    /** How the second step was passed. */
    enum Factor { TOTP, RECOVERY_CODE, PASSKEY }

    private static final Base32 BASE32 = new Base32();

    private final SecondFactorStore store;
    private final TotpCodes codes;
    private final Passkeys passkeys;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final String issuer;

    SecondFactor(SecondFactorStore store, TotpCodes codes, Passkeys passkeys, PersonalDataCipher cipher, AuditLog audit,
                 IskraProperties site) {
        this.store = store;
        this.codes = codes;
        this.passkeys = passkeys;
        this.cipher = cipher;
        this.audit = audit;
        String host = URI.create(site.baseUrl()).getHost();
        this.issuer = "Iskra" + (host == null ? "" : " " + host);
    }

    SecondFactorStatus status(StaffUser user) {
        boolean totp = store.totp(user.id()).map(t -> t.confirmedAt() != null).orElse(false);
        return new SecondFactorStatus(totp, passkeys.count(user.email()), totp ? store.recoveryCodesLeft(user.id()) : 0, required(user));
    }

    /** Administrators and organizers always; holders of a role an administrator marked as requiring it. */
    boolean required(StaffUser user) {
        if (user.has(Role.ADMINISTRATOR) || user.has(Role.ORGANIZER)) {
            return true;
        }
        List<Role> marked = store.requiredRoles();
        return user.roles().stream().anyMatch(role -> marked.contains(role.role()));
    }

    /** The secret of the enrolment under way, or a new one; an app already confirmed is kept until it is reset. */
    @Transactional
    Enrolment enrolment(StaffUser user) {
        Optional<SecondFactorStore.Totp> current = store.totp(user.id());
        if (current.isPresent() && current.get().confirmedAt() != null) {
            throw new IllegalStateException("staff user " + user.id() + " has a confirmed authenticator already");
        }
        byte[] secret;
        if (current.isPresent()) {
            secret = secret(current.get());
        } else {
            secret = TotpCodes.newSecret();
            String publicId = UUID.randomUUID().toString();
            store.saveUnconfirmed(user.id(), publicId, cipher.seal(BASE32.encodeAsString(secret), SECRET, publicId), now());
        }
        String text = BASE32.encodeAsString(secret).replace("=", "");
        String label = encode(issuer) + ":" + encode(user.email());
        String uri = "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + TotpCodes.DIGITS + "&period=" + TotpCodes.STEP.toSeconds();
        return new Enrolment(text.replaceAll("(.{4})(?!$)", "$1 "), uri);
    }

    /** Confirms the enrolment with a first code: the new recovery codes, shown once; empty when the code is wrong. */
    @Transactional
    Optional<List<String>> confirm(StaffUser user, String code, Actor actor) {
        Optional<SecondFactorStore.Totp> pending = store.totp(user.id()).filter(t -> t.confirmedAt() == null);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> step = codes.matchingStep(secret(pending.get()), code, codes.currentStep());
        if (step.isEmpty() || !store.confirm(user.id(), step.get(), now())) {
            return Optional.empty();
        }
        List<String> recovery = replaceRecoveryCodes(user);
        audit.record(actor, "staff.second-factor.enrol", "staff_user", String.valueOf(user.id()), null, "factor=totp");
        return Optional.of(recovery);
    }

    /**
     * Checks a code typed at the second step: six digits from the app (each accepted once), or a recovery code (used
     * up by it). Recovery codes are audited as they are used.
     */
    @Transactional
    Optional<Factor> verify(StaffUser user, String typed, Actor actor) {
        Optional<SecondFactorStore.Totp> totp = store.totp(user.id()).filter(t -> t.confirmedAt() != null);
        if (totp.isEmpty() || typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        if (RecoveryCodes.looksLikeOne(typed)) {
            if (!store.useRecoveryCode(user.id(), RecoveryCodes.hash(user.id(), typed), now())) {
                return Optional.empty();
            }
            audit.record(actor, "staff.recovery-code.use", "staff_user", String.valueOf(user.id()), null,
                    "left=" + store.recoveryCodesLeft(user.id()));
            return Optional.of(Factor.RECOVERY_CODE);
        }
        Optional<Long> step = codes.matchingStep(secret(totp.get()), typed, codes.currentStep());
        return step.filter(s -> store.useStep(user.id(), s)).map(s -> Factor.TOTP);
    }

    /** New recovery codes for a user with an app: the old ones stop working. */
    @Transactional
    List<String> newRecoveryCodes(StaffUser user, Actor actor) {
        if (!status(user).totp()) {
            throw new IllegalStateException("recovery codes come with an authenticator app");
        }
        List<String> recovery = replaceRecoveryCodes(user);
        audit.record(actor, "staff.recovery-codes.new", "staff_user", String.valueOf(user.id()), null, null);
        return recovery;
    }

    /**
     * Removes every second factor of the user (app, recovery codes, passkeys): they set one up again at their next
     * login. The caller ends their sessions.
     */
    @Transactional
    void reset(StaffUser user, Actor actor) {
        store.delete(user.id());
        int removed = passkeys.removeAll(user.email());
        audit.record(actor, "staff.second-factor.reset", "staff_user", String.valueOf(user.id()), null,
                "passkeys=" + removed);
    }

    List<Role> requiredRoles() {
        return store.requiredRoles();
    }

    @Transactional
    void requireFor(List<Role> roles, Actor actor) {
        store.replaceRequiredRoles(roles);
        audit.record(actor, "staff.second-factor.policy", "second_factor_role", null, null,
                "roles=" + String.join(",", roles.stream().map(Role::name).toList()));
    }

    private List<String> replaceRecoveryCodes(StaffUser user) {
        List<String> recovery = RecoveryCodes.generate();
        store.replaceRecoveryCodes(user.id(), recovery.stream().map(code -> RecoveryCodes.hash(user.id(), code)).toList());
        return recovery;
    }

    private byte[] secret(SecondFactorStore.Totp totp) {
        return BASE32.decode(cipher.open(totp.sealedSecret(), SECRET, totp.publicId()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
