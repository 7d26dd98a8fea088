package org.iskra.importing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.h2.api.ErrorCode;
import org.iskra.IskraApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar import FOLDER [--iskra.setting=value …]}: loads a Hugo content folder into the
 * database the usual settings name, without starting the web server, and prints what it did.
 */
public final class ImportCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: java -jar iskra.jar import FOLDER [--iskra.data=DIR] [--spring.datasource.url=…]";
    static final String DATABASE_IN_USE = "database in use by a running Iskra; stop it or use PostgreSQL";

    private ImportCommand() {
    }

    /** Exit status: 0 when every file was imported, 1 when some failed or the import could not run, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> folders = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (i == 0 && args[i].equals("import")) {
                continue;
            }
            if (args[i].startsWith("--")) {
                settings.add(args[i]);
            } else {
                folders.add(args[i]);
            }
        }
        if (folders.size() != 1) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Path folder = Path.of(folders.get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            err.println("no such folder: " + folders.get(0));
            err.println(USAGE_TEXT);
            return USAGE;
        }

        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(IskraApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(springArguments(settings));
        } catch (RuntimeException e) {
            err.println(databaseInUse(e) ? DATABASE_IN_USE : "Iskra could not start: " + rootCause(e));
            return FAILED;
        }
        try (context) {
            ImportSummary summary = context.getBean(ContentImporter.class).importFolder(folder);
            summary.print(out);
            return summary.succeeded() ? OK : FAILED;
        } catch (RuntimeException e) {
            // bad files never get here; this is the database or the disk failing under the whole import
            err.println("The import stopped: " + rootCause(e));
            return FAILED;
        }
    }

    /**
     * Command-line arguments outrank application.properties, which is why the command's own settings travel this
     * way: the demo content must never be loaded into a database someone is importing into, and the summary, not
     * the log, is what the person at the terminal reads.
     */
    private static String[] springArguments(List<String> settings) {
        List<String> arguments = new ArrayList<>();
        for (String setting : settings) {
            if (!setting.startsWith("--iskra.demo=")) {
                arguments.add(setting);
            }
        }
        arguments.add("--iskra.demo=false");
        addUnlessGiven(arguments, settings, "--logging.level.root=WARN");
        // a failed start is explained in one line below; Spring's own report would bury it in a stack trace
        addUnlessGiven(arguments, settings, "--logging.level.org.springframework.boot.SpringApplication=OFF");
        addUnlessGiven(arguments, settings, "--logging.level.org.springframework.boot.diagnostics=OFF");
        addUnlessGiven(arguments, settings, "--logging.level.com.zaxxer.hikari=OFF");
        addUnlessGiven(arguments, settings, "--logging.level.org.springframework.context=ERROR");
        return arguments.toArray(String[]::new);
    }

    private static void addUnlessGiven(List<String> arguments, List<String> given, String setting) {
        String name = setting.substring(0, setting.indexOf('=') + 1);
        if (given.stream().noneMatch(g -> g.startsWith(name))) {
            arguments.add(setting);
        }
    }

    /** H2 allows one process per database file: a running server holds the lock until it stops. */
    private static boolean databaseInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
