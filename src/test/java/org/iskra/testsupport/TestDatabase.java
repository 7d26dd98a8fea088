package org.iskra.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives each test application a fresh data folder, and points it at PostgreSQL when the suite runs there. */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DB_URL_PROPERTY = "iskra.test.db.url";

    public static boolean onPostgres() {
        String url = System.getProperty(DB_URL_PROPERTY, "");
        return url.startsWith("jdbc:postgresql:");
    }

    public static Path freshDataFolder() {
        return Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("iskra.data", freshDataFolder().toString());
        if (onPostgres()) {
            properties.put("spring.datasource.url", System.getProperty(DB_URL_PROPERTY));
            properties.put("spring.datasource.username", System.getProperty("iskra.test.db.user", "postgres"));
            properties.put("spring.datasource.password", System.getProperty("iskra.test.db.password", ""));
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("iskra-test", properties));
    }
}
