package org.iskra.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Well-known throwaway mail domains ({@code screening/disposable-domains.txt}): nobody can be reached there later, so
 * the public forms that need an address to write back to (join, newsletter) refuse them.
 */
@Component
public class DisposableDomains {

    private final Set<String> domains;

    DisposableDomains() {
        try (InputStream in = new ClassPathResource("screening/disposable-domains.txt").getInputStream()) {
            domains = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the address's domain, or a domain it is a subdomain of, is on the list. */
    public boolean contains(String email) {
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(domain)) {
                return true;
            }
            int dot = domain.indexOf('.');
            if (dot < 0) {
                return false;
            }
            domain = domain.substring(dot + 1);
        }
    }
}
