package org.iskra.accounts;

import java.util.Arrays;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What one login costs the server: the time of one password check with the encoder the application configures
 * (bcrypt behind the delegating encoder), measured in a plain loop after a warm-up. Run by {@code bench/login.sh};
 * not a test, because a timing depends on the machine.
 *
 * <p>Arguments: {@code [checks=50] [warmup=10]}.
 */
public final class LoginCost {

    private LoginCost() {
    }

    public static void main(String[] args) {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PasswordEncoder encoder = new PasswordHashing().passwordEncoder();
        String password = "correct horse battery staple 42";
        String hash = encoder.encode(password);
        String scheme = hash.substring(hash.indexOf('}') + 1);
        System.out.println("hash: " + hash.substring(0, hash.indexOf('}') + 1) + scheme.substring(0, scheme.indexOf('$', 4) + 1)
                + "… (bcrypt version and cost)");

        for (int i = 0; i < warmup; i++) {
            check(encoder, password, hash);
        }
        long[] nanos = new long[checks];
        for (int i = 0; i < checks; i++) {
            long start = System.nanoTime();
            check(encoder, password, hash);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("one password check, %d runs after %d warm-up: median %.1f ms, mean %.1f ms, min %.1f ms, max %.1f ms%n",
                checks, warmup, nanos[checks / 2] / 1e6, mean, nanos[0] / 1e6, nanos[checks - 1] / 1e6);
        System.out.printf("so one core checks about %.0f logins per second%n", 1000 / (nanos[checks / 2] / 1e6));
    }

    private static void check(PasswordEncoder encoder, String password, String hash) {
        if (!encoder.matches(password, hash)) {
            throw new IllegalStateException("the password does not match its own hash");
        }
    }
}
