package org.iskra.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;

/** What the backup and restore commands share: one file named on the command line, and their progress in the log. */
abstract class BackupFileCommand extends Command<Path> {

    private final String usage;

    BackupFileCommand(String name, String usage) {
        super(name, IskraApplication.class);
        this.usage = usage;
    }

    @Override
    protected final Start<Path> prepare(String[] args, PrintStream err) {
        CommandLine.Arguments arguments = arguments(args);
        if (arguments.operands().size() != 1) {
            err.println(usage);
            return null;
        }
        String given = arguments.operands().get(0);
        Path file = Path.of(given).toAbsolutePath().normalize();
        String refusal = refusal(file, given);
        if (refusal != null) {
            err.println(refusal);
            return null;
        }
        return new Start<>(file, arguments.settings(), forced(file), List.of("--logging.level.org.iskra.backup=INFO"));
    }

    /** Why this file will not do (as {@code given} on the command line), or null. */
    abstract String refusal(Path file, String given);

    /** The settings the command needs whatever the user gave. */
    abstract List<String> forced(Path file);
}
