package org.iskra.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar backup FILE [--iskra.setting=value …]}: writes one consistent snapshot of the database
 * and the media files to FILE while the site keeps running (on PostgreSQL; an H2 database is held by the running
 * Iskra, so stop it first).
 */
public final class BackupCommand extends BackupFileCommand {

    static final String USAGE_TEXT = "usage: java -jar iskra.jar backup FILE [--iskra.data=DIR] [--spring.datasource.url=…]";
    static final String NO_KEY_FILE = """
            WARNING: the personal-data key file is NOT in this backup (on purpose: a backup holding both gives the
            encrypted data away). Without the key file, applicants' names, emails, phone numbers, cities, messages
            and queued mail in this backup are lost for good. Keep a copy of %s
            apart from the backups, and a new copy after every "keys rotate".""";

    public BackupCommand() {
        super("backup", USAGE_TEXT);
    }

    /** Exit status: 0 when the backup was written, 1 when it could not be, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new BackupCommand().execute(args, out, err);
    }

    @Override
    String refusal(Path file, String given) {
        if (Files.exists(file)) {
            return file + " exists; a backup never replaces a file, choose a new name";
        }
        return Files.isDirectory(file.getParent()) ? null : "no such folder: " + file.getParent();
    }

    @Override
    List<String> forced(Path file) {
        return List.of();
    }

    @Override
    protected int work(Path file, ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws Exception {
        Backups.Written written = context.getBean(Backups.class).write(file);
        BackupManifest manifest = written.manifest();
        out.printf("Backup written to %s: %d rows in %d tables, %d media blobs, schema version %s.%n", written.file(),
                manifest.rowsByTable().values().stream().mapToLong(Long::longValue).sum(), manifest.rowsByTable().size(),
                manifest.mediaFiles(), manifest.schemaVersion());
        out.println(NO_KEY_FILE.formatted(context.getEnvironment().getProperty("iskra.privacy.key-file", "the key file")));
        return OK;
    }

    @Override
    protected String whyStopped(Exception e) {
        return "The backup failed: " + CommandLine.rootCause(e);
    }
}
