package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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

    StaffAccounts(StaffStore store, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
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
    void changePassword(String email, String current, String replacement) {
        StaffStore.Credentials credentials = store.credentials(email).orElseThrow();
        if (current == null || credentials.passwordHash() == null
                || !passwordEncoder.matches(current, credentials.passwordHash())) {
            throw new PasswordRejectedException(WRONG_CURRENT_PASSWORD);
        }
        passwordPolicy.check(replacement);
        store.setPassword(credentials.id(), passwordEncoder.encode(replacement), OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Override
    public Optional<Long> idOf(String email) {
        return find(email).map(StaffUser::id);
    }

    public Optional<StaffUser> find(String email) {
        return store.find(email);
    }

    /** The addresses of enabled staff users holding this role with this scope, e.g. a section's organizers. */
    public List<String> emailsWithRole(Role role, String scope) {
        return store.emailsWithRole(role, scope);
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

    boolean anyUser() {
        return store.anyUser();
    }
}
