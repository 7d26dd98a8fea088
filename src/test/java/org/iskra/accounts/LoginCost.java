package org.iskra.accounts;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What one login costs the server: one password check with the encoder the application configures (Argon2id with
 * {@link PasswordHashing}'s settings), one bcrypt check (cost 10, what hashes were before) as the reference measured
 * in the same run, and one TOTP check of the second step. Plain loops after a warm-up; run by {@code bench/login.sh};
 * not a test, because a timing depends on the machine.
 *
 * <p>Arguments: {@code [checks=30] [warmup=5]}.
 */
public final class LoginCost {

    private LoginCost() {
    }

    public static void main(String[] args) {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String password = "correct horse battery staple 42";

        PasswordEncoder argon2 = PasswordHashing.encoder(new SimpleMeterRegistry());
        String hash = argon2.encode(password);
        System.out.println("hash: " + hash.substring(0, hash.lastIndexOf('$', hash.lastIndexOf('$') - 1)) + "$… (Argon2id settings)");
        report("one Argon2id check", checks, warmup, () -> argon2.matches(password, hash));

        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String old = bcrypt.encode(password);
        report("one bcrypt check (cost 10, reference)", checks, warmup, () -> bcrypt.matches(password, old));

        TotpCodes totp = new TotpCodes();
        byte[] secret = TotpCodes.newSecret();
        long step = totp.currentStep();
        String code = totp.code(secret, step);
        report("one TOTP check (3 steps of the window)", checks * 100, warmup * 100, () -> totp.matchingStep(secret, code, step).isPresent());
    }

    private static void report(String what, int checks, int warmup, BooleanSupplier check) {
        for (int i = 0; i < warmup; i++) {
            verify(check);
        }
        long[] nanos = new long[checks];
        for (int i = 0; i < checks; i++) {
            long start = System.nanoTime();
            verify(check);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = nanos[checks / 2] / 1e6;
        System.out.printf("%s, %d runs after %d warm-up: median %.3f ms, min %.3f ms, max %.3f ms (%.0f per second on one core)%n",
                what, checks, warmup, median, nanos[0] / 1e6, nanos[checks - 1] / 1e6, 1000 / median);
    }

    private static void verify(BooleanSupplier check) {
        if (!check.getAsBoolean()) {
            throw new IllegalStateException("a check failed on its own input");
        }
    }
}
