package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Interface text lives in message bundles: every key used exists in English, and every bundle has every key. */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/messages");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("\\.get\\(\"([a-z0-9.-]+)\"");
    private static final Pattern KEY_IN_JAVA = Pattern.compile("\"((?:site|nav|article|listing|error|media|accounts|translations|feed|organizing|privacy|editor)\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyUsedInTemplatesAndCodeExistsInEnglish() throws IOException {
        Set<String> english = load(BUNDLES.resolve("messages.properties")).stringPropertyNames();
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/jte"), ".jte", KEY_IN_TEMPLATE, used);
        collect(Path.of("src/main/java"), ".java", KEY_IN_JAVA, used);
        used.removeIf(key -> key.endsWith("."));  // a prefix completed at run time, e.g. "error." + status
        assertThat(used).isNotEmpty();
        assertThat(english).containsAll(used);
        for (String status : new String[] {"400", "403", "404", "405", "413", "415", "500"}) {
            assertThat(english).contains("error." + status + ".title", "error." + status + ".text");
        }
    }

    @Test
    void everyBundleHasEveryKeyThatEnglishHas() throws IOException {
        Set<String> english = load(BUNDLES.resolve("messages.properties")).stringPropertyNames();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.filter(f -> f.getFileName().toString().matches("messages_[a-z]{2,3}\\.properties")).toList()) {
                Set<String> keys = load(bundle).stringPropertyNames();
                assertThat(keys).as(bundle.getFileName().toString()).containsAll(english);
                assertThat(english).as("keys only in " + bundle.getFileName()).containsAll(keys);
            }
        }
    }

    @Test
    void everyConfiguredLanguageExceptEnglishHasItsOwnBundle() throws IOException {
        Properties application = load(Path.of("src/main/resources/application.properties"));
        String languages = application.getProperty("iskra.languages").replaceAll("\\$\\{[A-Z_]+:(.*)}", "$1");
        for (String code : languages.split(",")) {
            if (!code.equals("en")) {
                assertThat(BUNDLES.resolve("messages_" + code + ".properties")).as(code).exists();
            }
        }
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
