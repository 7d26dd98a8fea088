package org.iskra.accounts;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start there is nobody to log in: create an administrator from ISKRA_ADMIN_EMAIL and
 * ISKRA_ADMIN_PASSWORD, or with a generated password printed once to the log.
 */
@Component
@ConditionalOnWebApplication
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final StaffAccounts accounts;
    private final String email;
    private final String password;

    FirstAdministrator(StaffAccounts accounts, @Value("${iskra.admin.email:admin@localhost}") String email,
                       @Value("${iskra.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUser()) {
            return;
        }
        boolean generated = password.isBlank();
        String initial = generated ? generate() : password;
        StaffUser admin = accounts.create(email, "Administrator", initial, List.of(StaffRole.of(Role.ADMINISTRATOR)));
        if (generated) {
            // it went through the log: its holder replaces it at the first login, then sets up a second factor
            accounts.requirePasswordChange(admin.id());
            log.warn("""

                    ================================================================
                     First administrator created. Log in at /admin/login with
                       email:    {}
                       password: {}
                     You choose your own password at the first login.
                    ================================================================""", email, initial);
        } else {
            log.info("First administrator {} created from ISKRA_ADMIN_EMAIL and ISKRA_ADMIN_PASSWORD", email);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
