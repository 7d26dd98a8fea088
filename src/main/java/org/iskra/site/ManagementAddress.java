package org.iskra.site;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When metrics get a port of their own ({@code ISKRA_MANAGEMENT_PORT}), that port listens on the loopback address
 * unless {@code ISKRA_MANAGEMENT_ADDRESS} says otherwise: metrics tell how many people asked to join, and which
 * node is busy, and are for the installation's own monitoring. Spring Boot refuses a management address without a
 * management port, so the default cannot simply sit in application.properties.
 */
class ManagementAddress implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port");
        if (port == null || port.isBlank() || environment.containsProperty("management.server.address")) {
            return;
        }
        String address = environment.getProperty("ISKRA_MANAGEMENT_ADDRESS", LOOPBACK);
        environment.getPropertySources()
                .addLast(new MapPropertySource("iskraManagementAddress", Map.of("management.server.address", address)));
    }

    /** After the configuration files are read, where the port is set. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
