package org.iskra.importing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.CommandLine;
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
    static final String DATABASE_IN_USE = CommandLine.DATABASE_IN_USE;

    private ImportCommand() {
    }

    /** Exit status: 0 when every file was imported, 1 when some failed or the import could not run, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine.Arguments arguments = CommandLine.Arguments.of("import", args);
        List<String> folders = arguments.operands();
        List<String> settings = arguments.settings();
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
            // the demo content must never be loaded into a database someone is importing into
            context = CommandLine.start(IskraApplication.class, settings, List.of("--iskra.demo=false"), List.of());
        } catch (RuntimeException e) {
            err.println(CommandLine.databaseInUse(e) ? DATABASE_IN_USE : "Iskra could not start: " + CommandLine.rootCause(e));
            return FAILED;
        }
        try (context) {
            ImportSummary summary = context.getBean(ContentImporter.class).importFolder(folder);
            summary.print(out);
            return summary.succeeded() ? OK : FAILED;
        } catch (RuntimeException e) {
            // bad files never get here; this is the database or the disk failing under the whole import
            err.println("The import stopped: " + CommandLine.rootCause(e));
            return FAILED;
        }
    }
}
