package org.iskra.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives each test application a fresh data folder and the suite's mail port ({@link MailServer}), and points it at
 * PostgreSQL when the suite runs there.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DB_URL_PROPERTY = "iskra.test.db.url";
    private static final String SEARCHES_PER_CLIENT = "iskra.search.per-client";

    public static boolean onPostgres() {
        String url = System.getProperty(DB_URL_PROPERTY, "");
        return url.startsWith("jdbc:postgresql:");
    }

    public static Path freshDataFolder() {
        return Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    }

    /**
     * The database settings for one test application. On PostgreSQL each gets a schema of its own in the suite's
     * database, so every application starts as empty as it does on H2 and tests never see each other's rows.
     */
    public static Map<String, Object> databaseSettings() {
        Map<String, Object> properties = new HashMap<>();
        if (onPostgres()) {
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String url = System.getProperty(DB_URL_PROPERTY);
            properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            properties.put("spring.datasource.username", System.getProperty("iskra.test.db.user", "postgres"));
            properties.put("spring.datasource.password", System.getProperty("iskra.test.db.password", ""));
            properties.put("spring.flyway.default-schema", schema);
            properties.put("spring.flyway.schemas", schema);
            // Spring keeps every test application it started for reuse, each with its pool: kept idle, their
            // connections add up past PostgreSQL's max_connections; a few, given back when idle, are plenty
            properties.put("spring.datasource.hikari.maximum-pool-size", "5");
            properties.put("spring.datasource.hikari.minimum-idle", "0");
            properties.put("spring.datasource.hikari.idle-timeout", "10000");
        }
        return properties;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(databaseSettings());
        properties.put("iskra.data", freshDataFolder().toString());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(MailServer.PORT));
        // tests wait for the index by searching every few milliseconds, from one address: the per-client limit
        // would refuse them; a test about the limit sets its own
        var inlined = context.getEnvironment().getPropertySources()
                .get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
        if (inlined == null || !inlined.containsProperty(SEARCHES_PER_CLIENT)) {
            properties.put(SEARCHES_PER_CLIENT, "1000000");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("iskra-test", properties));
    }
}
