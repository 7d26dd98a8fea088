package org.iskra.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iskra.media.MediaArchive;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar restore FILE [--iskra.setting=value …]}: restores a backup into the empty database
 * and data folder the settings name, then brings the schema up to this version of Iskra.
 */
public final class RestoreCommand extends BackupFileCommand {

    static final String USAGE_TEXT = "usage: java -jar iskra.jar restore FILE [--iskra.data=DIR] [--spring.datasource.url=…]";
    static final String KEY_FILE = """
            The backup holds applicants' data and queued mail encrypted, without the key file. Before starting
            Iskra, put the key file of the installation the backup came from at %s
            (replacing any new one Iskra created there): without it that data cannot be read.""";

    public RestoreCommand() {
        super("restore", USAGE_TEXT);
    }

    /** Exit status: 0 when restored, 1 when refused or failed, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new RestoreCommand().execute(args, out, err);
    }

    @Override
    String refusal(Path file, String given) {
        return Files.isRegularFile(file) ? null : "no such file: " + given + System.lineSeparator() + USAGE_TEXT;
    }

    /**
     * The command is not a node: its mail worker must leave the restored outbox alone, and it may not even have the
     * key file of the backed-up installation yet (it would give up every queued message).
     */
    @Override
    List<String> forced(Path file) {
        return List.of("--" + RestoreConfiguration.FROM + "=" + file, "--iskra.mail.poll-interval=3650d");
    }

    @Override
    protected int work(Path file, ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws Exception {
        Restore restore = context.getBean(Restore.class);
        int media = restore.restoreMedia(context.getBean(MediaArchive.class));
        BackupManifest manifest = restore.manifest();
        out.printf("Restored %d rows in %d tables and %d media blobs from %s (schema version %s, taken %s from %s).%n",
                restore.rows(), manifest.rowsByTable().size(), media, file, manifest.schemaVersion(),
                manifest.createdAt(), manifest.database());
        out.println(KEY_FILE.formatted(context.getEnvironment().getProperty("iskra.privacy.key-file", "ISKRA_KEY_FILE")));
        return OK;
    }

    @Override
    protected String whyNotStarted(RuntimeException e) {
        return explain(e);
    }

    @Override
    protected String whyStopped(Exception e) {
        return explain(e);
    }

    private static String explain(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RestoreRefusedException) {
                return "Restore refused: " + cause.getMessage();
            }
        }
        if (CommandLine.databaseInUse(e)) {
            return CommandLine.DATABASE_IN_USE;
        }
        return "The restore failed: " + CommandLine.rootCause(e) + System.lineSeparator()
                + "The database may now hold Iskra's tables without the backup's rows: drop and create it again"
                + " (PostgreSQL) or empty the data folder (H2) before the next attempt.";
    }
}
