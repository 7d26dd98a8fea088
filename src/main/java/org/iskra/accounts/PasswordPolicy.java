package org.iskra.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters and not among the passwords attackers try first. The list ships with the code
 * ({@code accounts/common-passwords.txt}), so the check needs no network.
 */
@Component
class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 200;

    private final Set<String> common = new HashSet<>();

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("accounts/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new PasswordRejectedException("accounts.password.too-short");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw new PasswordRejectedException("accounts.password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new PasswordRejectedException("accounts.password.too-common");
        }
    }
}
