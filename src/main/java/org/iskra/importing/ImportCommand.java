package org.iskra.importing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar import PATH [--uploads DIR] [--map FILE] [--add-languages] [--dry-run] [--drafts]
 * [--iskra.setting=value …]}: imports a Hugo site or content folder, or a WordPress export, into the database the
 * usual settings name, without starting the web server, and prints what it did.
 */
public final class ImportCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNREADABLE = 2;

    static final String USAGE_TEXT = "usage: java -jar iskra.jar import PATH [--uploads DIR] [--map FILE] [--add-languages]"
            + " [--dry-run] [--drafts] [--iskra.data=DIR] [--spring.datasource.url=…]\n"
            + "  PATH: a Hugo site root or content folder, or a WordPress export (.xml)";
    static final String DATABASE_IN_USE = CommandLine.DATABASE_IN_USE;

    private ImportCommand() {
    }

    /** Exit status: 0 when every file was imported, 1 when some failed or the import could not run, 2 for bad input or usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, ConsoleProgress.onStandardError());
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new ConsoleProgress(err, false, System::nanoTime));
    }

    private static int run(String[] args, PrintStream out, PrintStream err, ImportProgress progress) {
        Parsed parsed;
        try {
            parsed = Parsed.of(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return UNREADABLE;
        }
        ImportOptions options = parsed.options();
        if (!Files.exists(options.source())) {
            err.println("no such file or folder: " + options.source());
            err.println(USAGE_TEXT);
            return UNREADABLE;
        }
        if (options.uploads() != null && !Files.isDirectory(options.uploads())) {
            err.println("no such uploads folder: " + options.uploads());
            return UNREADABLE;
        }
        if (options.map() != null && !Files.isRegularFile(options.map())) {
            err.println("no such map file: " + options.map());
            return UNREADABLE;
        }

        ConfigurableApplicationContext context;
        try {
            // the demo content must never be loaded into a database someone is importing into
            context = CommandLine.start(IskraApplication.class, parsed.settings(), List.of("--iskra.demo=false"), List.of());
        } catch (RuntimeException e) {
            err.println(CommandLine.databaseInUse(e) ? DATABASE_IN_USE : "Iskra could not start: " + CommandLine.rootCause(e));
            return FAILED;
        }
        try (context) {
            ImportSummary summary = context.getBean(ArchiveImporter.class).run(options, progress);
            summary.print(out);
            return summary.exitStatus();
        } catch (RuntimeException e) {
            // bad files never get here; this is the database or the disk failing under the whole import
            err.println("The import stopped: " + CommandLine.rootCause(e));
            return FAILED;
        }
    }

    /** The command's own options apart from the settings for Spring. */
    record Parsed(ImportOptions options, List<String> settings) {

        static Parsed of(String[] args) {
            List<String> operands = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            Path uploads = null;
            Path map = null;
            boolean addLanguages = false;
            boolean dryRun = false;
            boolean drafts = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i == 0 && arg.equals("import")) {
                    continue;
                }
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (name) {
                    case "--uploads", "--map" -> {
                        String value;
                        if (arg.contains("=")) {
                            value = arg.substring(arg.indexOf('=') + 1);
                        } else if (i + 1 < args.length) {
                            value = args[++i];
                        } else {
                            throw new IllegalArgumentException(name + " needs a path");
                        }
                        Path path = Path.of(value).toAbsolutePath().normalize();
                        if (name.equals("--uploads")) {
                            uploads = path;
                        } else {
                            map = path;
                        }
                    }
                    case "--add-languages" -> addLanguages = true;
                    case "--dry-run" -> dryRun = true;
                    case "--drafts" -> drafts = true;
                    default -> {
                        if (arg.startsWith("--") && arg.contains("=")) {
                            settings.add(arg);
                        } else if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        } else {
                            operands.add(arg);
                        }
                    }
                }
            }
            if (operands.size() != 1) {
                throw new IllegalArgumentException(operands.isEmpty() ? "no PATH to import" : "one PATH at a time");
            }
            Path source = Path.of(operands.get(0)).toAbsolutePath().normalize();
            return new Parsed(new ImportOptions(source, uploads, map, addLanguages, dryRun, drafts, "import"),
                    List.copyOf(settings));
        }
    }
}
