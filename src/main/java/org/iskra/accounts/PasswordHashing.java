package org.iskra.accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id for every new password hash (OWASP's first choice; it reads the whole passphrase, where bcrypt stops at
 * 72 bytes), bcrypt still read for hashes written before, which the login upgrades (see {@link StaffLogin}). Needed
 * by the commands as well as the web application, so it lives apart from the web security rules.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** The id new hashes carry, {@code {argon2id}$argon2id$v=19$m=…}. */
    static final String ARGON2ID = "argon2id";

    /**
     * OWASP's Argon2id settings with the least memory (7 MiB, 5 passes, one lane; its list gives them as equal in
     * strength to 19 MiB and 2 passes): a node runs in a 64 MB heap, and each check holds its memory while it runs.
     */
    static final int MEMORY_KIB = 7 * 1024;
    static final int ITERATIONS = 5;

    /**
     * Checks running at once. Each holds {@link #MEMORY_KIB} of heap and a core for tens of milliseconds: more than
     * the cores only queue in the CPU and add their memory, so a burst of logins waits here instead.
     */
    static final int CONCURRENT_CHECKS = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Bean
    PasswordEncoder passwordEncoder(ObjectProvider<MeterRegistry> meters) {
        return encoder(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    static PasswordEncoder encoder(MeterRegistry meters) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ARGON2ID, new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS));
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new Gated(new DelegatingPasswordEncoder(ARGON2ID, encoders),
                Timer.builder("iskra.login.password.checks").description("password hash checks and hashings")
                        .register(meters));
    }

    /** Bounds the checks running at once and times each (the metric also shows that every login does one). */
    private static final class Gated implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final Semaphore running = new Semaphore(CONCURRENT_CHECKS, true);
        private final Timer timer;

        Gated(PasswordEncoder delegate, Timer timer) {
            this.delegate = delegate;
            this.timer = timer;
        }

        @Override
        public String encode(CharSequence raw) {
            return gated(() -> delegate.encode(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return gated(() -> delegate.matches(raw, encoded));
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }

        private <T> T gated(java.util.function.Supplier<T> work) {
            try {
                if (!running.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("password checks are queued for more than 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                return timer.record(work);
            } finally {
                running.release();
            }
        }
    }
}
