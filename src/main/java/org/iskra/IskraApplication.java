package org.iskra;

import java.util.Optional;

import org.iskra.site.Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Iskra: the web application, or one of the jar's commands ({@code import}, {@code reindex}, {@code backup} …) when
 * the first argument names one. The commands are found through {@link Command#named}, so that this package knows
 * none of them while each of them starts this application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IskraApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--")) {
            Optional<Command<?>> command = Command.named(args[0]);
            if (command.isPresent()) {
                System.exit(command.get().execute(args, System.out, System.err));
            }
        }
        SpringApplication.run(IskraApplication.class, args);
    }
}
