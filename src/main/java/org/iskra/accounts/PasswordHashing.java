package org.iskra.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Needed by the commands as well as the web application, so it lives apart from the web security rules. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** bcrypt by default, behind the delegating encoder so a stronger one can be introduced without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
