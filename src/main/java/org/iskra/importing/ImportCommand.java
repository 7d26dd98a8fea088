package org.iskra.importing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar import PATH [--uploads DIR] [--map FILE] [--add-languages] [--dry-run] [--drafts]
 * [--iskra.setting=value …]}: imports a Hugo site or content folder, or a WordPress export, into the database the
 * usual settings name, without starting the web server, and prints what it did.
 */
public final class ImportCommand extends Command<ImportOptions> {

    static final int UNREADABLE = USAGE;

    static final String USAGE_TEXT = "usage: java -jar iskra.jar import PATH [--uploads DIR] [--map FILE] [--add-languages]"
            + " [--dry-run] [--drafts] [--iskra.data=DIR] [--spring.datasource.url=…]\n"
            + "  PATH: a Hugo site root or content folder, or a WordPress export (.xml)";
    static final String DATABASE_IN_USE = CommandLine.DATABASE_IN_USE;

    public ImportCommand() {
        super("import", IskraApplication.class);
    }

    /** Exit status: 0 when every file was imported, 1 when some failed or the import could not run, 2 for bad input or usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new ImportCommand().execute(args, out, err);
    }

    @Override
    protected Start<ImportOptions> prepare(String[] args, PrintStream err) {
        Parsed parsed;
        try {
            parsed = Parsed.of(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return null;
        }
        ImportOptions options = parsed.options();
        if (!Files.exists(options.source())) {
            err.println("no such file or folder: " + options.source());
            err.println(USAGE_TEXT);
            return null;
        }
        if (options.uploads() != null && !Files.isDirectory(options.uploads())) {
            err.println("no such uploads folder: " + options.uploads());
            return null;
        }
        if (options.map() != null && !Files.isRegularFile(options.map())) {
            err.println("no such map file: " + options.map());
            return null;
        }
        return new Start<>(options, parsed.settings(), List.of(), List.of());
    }

    @Override
    protected int work(ImportOptions options, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        // a person at a terminal watches a progress bar; output going elsewhere (a test, a log) gets plain lines
        ImportProgress progress = err == System.err ? ConsoleProgress.onStandardError()
                : new ConsoleProgress(err, false, System::nanoTime);
        ImportSummary summary = context.getBean(ArchiveImporter.class).run(options, progress);
        summary.print(out);
        return summary.exitStatus();
    }

    /** Bad files never get here; this is the database or the disk failing under the whole import. */
    @Override
    protected String whyStopped(Exception e) {
        return "The import stopped: " + CommandLine.rootCause(e);
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
