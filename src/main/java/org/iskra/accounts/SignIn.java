package org.iskra.accounts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The two states of a staff login, as authorities. After the password: {@link #PASSWORD_CHECKED} alone, which opens
 * only the next step's pages. Once every step is passed: {@link #SIGNED_IN} and the user's roles, read fresh from the
 * database then. So a session half-way through carries no role, and no rule that names a role lets it in.
 */
final class SignIn {

    static final String PASSWORD_CHECKED = FactorGrantedAuthority.PASSWORD_AUTHORITY;
    static final String SIGNED_IN = "ISKRA_SIGNED_IN";

    private SignIn() {
    }

    static boolean pending(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && has(authentication, PASSWORD_CHECKED)
                && !has(authentication, SIGNED_IN);
    }

    static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && has(authentication, SIGNED_IN);
    }

    /** The authorities of a completed login: its roles (scoped ones also with their scope) and how it was made. */
    static List<GrantedAuthority> authorities(List<StaffRole> roles, SecondFactor.Factor factor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (StaffRole role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.role().authority()));
            if (!role.scope().isEmpty()) {
                authorities.add(new SimpleGrantedAuthority(role.role().authority(role.scope())));
            }
        }
        authorities.add(FactorGrantedAuthority.fromAuthority(PASSWORD_CHECKED));
        if (factor == SecondFactor.Factor.PASSKEY) {
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        } else if (factor != null) {
            authorities.add(new SimpleGrantedAuthority("FACTOR_TOTP"));
        }
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        return authorities;
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
