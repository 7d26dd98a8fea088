package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.site.StaffContact;
import org.iskra.site.StaffDirectory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creating them with an acceptable password, and looking them up. */
@Service
public class StaffAccounts implements StaffDirectory {

    static final String WRONG_CURRENT_PASSWORD = "accounts.account.error.current";

    private final StaffStore store;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog audit;

    StaffAccounts(StaffStore store, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, AuditLog audit) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
    }

    /**
     * Creates an enabled account.
     *
     * @throws PasswordRejectedException when the password is too short or too common; its reason is a message key
     */
    @Transactional
    public StaffUser create(String email, String displayName, String password, List<StaffRole> roles) {
        passwordPolicy.check(password);
        long id = store.insert(email, displayName, passwordEncoder.encode(password));
        roles.forEach(role -> store.grant(id, role));
        return store.find(email).orElseThrow();
    }

    /**
     * Replaces a user's password once they have proved they know the current one.
     *
     * @throws PasswordRejectedException with reason {@code accounts.account.error.current} when the current password
     *                                    is wrong, or the policy's reason when the new one is not acceptable
     */
    @Transactional
    void changePassword(String email, String current, String replacement, Actor actor) {
        StaffStore.Credentials credentials = store.credentials(email).orElseThrow();
        if (current == null || credentials.passwordHash() == null
                || !passwordEncoder.matches(current, credentials.passwordHash())) {
            throw new PasswordRejectedException(WRONG_CURRENT_PASSWORD);
        }
        passwordPolicy.check(replacement);
        store.setPassword(credentials.id(), passwordEncoder.encode(replacement), OffsetDateTime.now(ZoneOffset.UTC));
        audit.record(actor, "staff.password.change", "staff_user", String.valueOf(credentials.id()), null, null);
    }

    /**
     * The first administrator's own password instead of the generated one, the same password rules as ever.
     *
     * @throws PasswordRejectedException when the policy refuses it, or when it is the generated one again
     */
    @Transactional
    void replaceGeneratedPassword(StaffUser user, String replacement, Actor actor) {
        passwordPolicy.check(replacement);
        StaffStore.Credentials credentials = store.credentials(user.email()).orElseThrow();
        if (passwordEncoder.matches(replacement, credentials.passwordHash())) {
            throw new PasswordRejectedException("accounts.new-password.same");
        }
        store.setPassword(user.id(), passwordEncoder.encode(replacement), OffsetDateTime.now(ZoneOffset.UTC));
        audit.record(actor, "staff.password.change", "staff_user", String.valueOf(user.id()), null, "generated=replaced");
    }

    /** Marks a new account's password as one to replace at the first login (it was generated and logged). */
    @Transactional
    void requirePasswordChange(long userId) {
        store.requirePasswordChange(userId);
    }

    @Override
    public Optional<Long> idOf(String email) {
        return find(email).map(StaffUser::id);
    }

    @Override
    public Optional<String> interfaceLanguageOf(String email) {
        return store.interfaceLanguage(email);
    }

    /** Keeps the staff member's choice of the back office's language; null goes back to the browser's. */
    @Transactional
    void chooseInterfaceLanguage(String email, String code) {
        store.setInterfaceLanguage(email, code);
    }

    public Optional<StaffUser> find(String email) {
        return store.find(email);
    }

    /** The addresses of enabled staff users holding this role with this scope, e.g. a section's organizers. */
    public List<String> emailsWithRole(Role role, String scope) {
        return store.emailsWithRole(role, scope);
    }

    /** Enabled staff users holding this role with this scope, e.g. a section's organizers, by name. */
    public List<StaffContact> holders(Role role, String scope) {
        return store.contactsWithRole(role, scope);
    }

    /** The enabled staff users among these, by name: e.g. a section's leads who can still be written to. */
    public List<StaffContact> enabled(Collection<Long> ids) {
        return store.contacts(ids, true);
    }

    @Override
    public Map<Long, StaffContact> contacts(Collection<Long> ids) {
        Map<Long, StaffContact> byId = new LinkedHashMap<>();
        store.contacts(ids, false).forEach(contact -> byId.put(contact.id(), contact));
        return byId;
    }

    /** Gives the user a role, e.g. ORGANIZER of a section; holding it already is no error. */
    @Transactional
    public void grant(long userId, StaffRole role) {
        if (!store.roles(userId).contains(role)) {
            store.grant(userId, role);
        }
    }

    @Transactional
    public void revoke(long userId, StaffRole role) {
        store.revoke(userId, role);
    }

    /**
     * Takes a scoped role from everyone who holds it, disabled accounts included (a section that is deleted must not
     * come back to its former organizers with a new section of the same slug).
     */
    @Transactional
    public int revokeEverywhere(StaffRole role) {
        return store.revokeEverywhere(role);
    }

    boolean anyUser() {
        return store.anyUser();
    }
}
