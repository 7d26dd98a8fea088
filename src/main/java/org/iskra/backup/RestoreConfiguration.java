package org.iskra.backup;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Only in the {@code restore} command: the restore takes the place of Flyway's migration at start, so it reaches
 * the database before any other part of Iskra writes to it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RestoreConfiguration.FROM)
class RestoreConfiguration {

    static final String FROM = "iskra.restore.from";

    @Bean
    Restore restore(Environment environment) {
        return new Restore(Path.of(environment.getRequiredProperty(FROM)));
    }

    @Bean
    FlywayMigrationStrategy restoringMigration(Restore restore) {
        return restore::migrateAndLoad;
    }
}
