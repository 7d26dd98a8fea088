package org.iskra.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar backup FILE [--iskra.setting=value …]}: writes one consistent snapshot of the database
 * and the media files to FILE while the site keeps running (on PostgreSQL; an H2 database is held by the running
 * Iskra, so stop it first).
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: java -jar iskra.jar backup FILE [--iskra.data=DIR] [--spring.datasource.url=…]";
    static final String NO_KEY_FILE = """
            WARNING: the personal-data key file is NOT in this backup (on purpose: a backup holding both gives the
            encrypted data away). Without the key file, applicants' names, emails, phone numbers, cities, messages
            and queued mail in this backup are lost for good. Keep a copy of %s
            apart from the backups, and a new copy after every "keys rotate".""";

    private BackupCommand() {
    }

    /** Exit status: 0 when the backup was written, 1 when it could not be, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine.Arguments arguments = CommandLine.Arguments.of("backup", args);
        List<String> files = arguments.operands();
        List<String> settings = arguments.settings();
        if (files.size() != 1) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Path file = Path.of(files.get(0)).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            err.println(file + " exists; a backup never replaces a file, choose a new name");
            return USAGE;
        }
        if (!Files.isDirectory(file.getParent())) {
            err.println("no such folder: " + file.getParent());
            return USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            context = CommandLine.start(IskraApplication.class, settings, List.of("--iskra.demo=false"),
                    List.of("--logging.level.org.iskra.backup=INFO"));
        } catch (RuntimeException e) {
            err.println(CommandLine.databaseInUse(e) ? CommandLine.DATABASE_IN_USE : "Iskra could not start: " + CommandLine.rootCause(e));
            return FAILED;
        }
        try (context) {
            Backups.Written written = context.getBean(Backups.class).write(file);
            BackupManifest manifest = written.manifest();
            out.printf("Backup written to %s: %d rows in %d tables, %d media blobs, schema version %s.%n", written.file(),
                    manifest.rowsByTable().values().stream().mapToLong(Long::longValue).sum(), manifest.rowsByTable().size(),
                    manifest.mediaFiles(), manifest.schemaVersion());
            out.println(NO_KEY_FILE.formatted(context.getEnvironment().getProperty("iskra.privacy.key-file", "the key file")));
            return OK;
        } catch (Exception e) {
            err.println("The backup failed: " + CommandLine.rootCause(e));
            return FAILED;
        }
    }
}
