package org.iskra.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password step. Every attempt costs one password hash check, whatever the account: unknown, invited without a
 * password yet, disabled or enabled (the checks of the account's state run only after the password's), so the time
 * of an answer tells nothing about the account. Old hashes are upgraded on success ({@link StaffUserDetails}).
 */
@Configuration(proxyBeanMethods = false)
class StaffLogin {

    @Bean
    DaoAuthenticationProvider staffPasswordStep(StaffUserDetails users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setUserDetailsPasswordService(users);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }
}
