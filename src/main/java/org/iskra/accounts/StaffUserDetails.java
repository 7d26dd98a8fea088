package org.iskra.accounts;

import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security's view of a staff account at the password step: its hash and whether it is enabled, and no role
 * at all (roles come with the last step, see {@link SignIn}). A hash of an older kind (bcrypt) is replaced by an
 * Argon2id one of the same password as soon as its owner logs in with it.
 */
@Service
class StaffUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final StaffStore store;

    StaffUserDetails(StaffStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        StaffStore.Credentials credentials = store.credentials(email)
                .filter(c -> c.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff user"));
        return User.withUsername(credentials.email())
                .password(credentials.passwordHash())
                .disabled(!credentials.enabled())
                .authorities(List.of())
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        store.rehash(user.getUsername(), newPassword);
        return User.withUserDetails(user).password(newPassword).build();
    }
}
