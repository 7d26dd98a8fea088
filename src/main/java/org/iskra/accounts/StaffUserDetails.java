package org.iskra.accounts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of a staff account: its password hash and its roles, scoped ones as extra authorities. */
@Service
class StaffUserDetails implements UserDetailsService {

    private final StaffStore store;

    StaffUserDetails(StaffStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        StaffStore.Credentials credentials = store.credentials(email)
                .filter(c -> c.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff user"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (StaffRole role : store.roles(credentials.id())) {
            authorities.add(new SimpleGrantedAuthority(role.role().authority()));
            if (!role.scope().isEmpty()) {
                authorities.add(new SimpleGrantedAuthority(role.role().authority(role.scope())));
            }
        }
        return User.withUsername(credentials.email())
                .password(credentials.passwordHash())
                .disabled(!credentials.enabled())
                .authorities(authorities)
                .build();
    }
}
