package org.iskra.site;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.h2.api.ErrorCode;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the commands of the jar ({@code import}, {@code reindex}, …) share: starting Iskra without its web server,
 * quietly, with the command's own settings, and explaining in one line why it could not start.
 */
public final class CommandLine {

    /** The setting that turns periodic jobs on (the default) or off (in commands). */
    public static final String SCHEDULING = "iskra.scheduling.enabled";

    public static final String DATABASE_IN_USE = "database in use by a running Iskra; stop it or use PostgreSQL";

    /** The log stays quiet: the person at the terminal reads the command's own summary, not Spring's report. */
    private static final List<String> QUIET = List.of(
            "--logging.level.root=WARN",
            "--logging.level.org.springframework.boot.SpringApplication=OFF",
            "--logging.level.org.springframework.boot.diagnostics=OFF",
            "--logging.level.com.zaxxer.hikari=OFF",
            "--logging.level.org.springframework.context=ERROR");

    private CommandLine() {
    }

    /**
     * A command's arguments: settings ({@code --name=value}, for Spring) and the rest (files, folders), without the
     * command's own name when it comes first ({@code java -jar iskra.jar backup FILE}).
     */
    public record Arguments(List<String> operands, List<String> settings) {

        public static Arguments of(String command, String[] args) {
            List<String> operands = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (i == 0 && args[i].equals(command)) {
                    continue;
                }
                (args[i].startsWith("--") ? settings : operands).add(args[i]);
            }
            return new Arguments(List.copyOf(operands), List.copyOf(settings));
        }
    }

    /**
     * Starts the application without a web server. Settings go in as command-line arguments because those outrank
     * application.properties: {@code forced} settings replace any the user gave for the same names, {@code defaults}
     * apply unless the user gave them.
     */
    public static ConfigurableApplicationContext start(Class<?> application, List<String> given, List<String> forced,
                                                       List<String> defaults) {
        List<String> arguments = new ArrayList<>();
        for (String setting : given) {
            if (forced.stream().noneMatch(f -> setting.startsWith(name(f)))) {
                arguments.add(setting);
            }
        }
        arguments.addAll(forced);
        // a command does its own work only: no mail worker, change follower or scheduled publishing meanwhile
        arguments.add("--" + SCHEDULING + "=false");
        List<String> unlessGiven = new ArrayList<>(defaults);
        unlessGiven.addAll(QUIET);
        for (String setting : unlessGiven) {
            if (given.stream().noneMatch(g -> g.startsWith(name(setting)))) {
                arguments.add(setting);
            }
        }
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }

    /** H2 allows one process per database file: a running server holds the lock until it stops. */
    public static boolean databaseInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static String name(String setting) {
        int equals = setting.indexOf('=');
        return equals < 0 ? setting : setting.substring(0, equals + 1);
    }
}
