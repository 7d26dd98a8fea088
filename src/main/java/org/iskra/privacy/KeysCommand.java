package org.iskra.privacy;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.iskra.IskraApplication;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar keys status|rotate|reseal [--iskra.setting=value …]}: shows which keys sealed how many
 * values; adds a new key and seals every value again with it (rotate); or only seals again what is not sealed with
 * the current key or not yet bound to its row (reseal: after a rotation that running nodes raced, a key file rotated
 * by hand, or an upgrade from a version that bound values to their column only). The site may
 * keep running on the same database meanwhile.
 */
public final class KeysCommand extends Command<String> {

    static final String USAGE_TEXT = "usage: java -jar iskra.jar keys status|rotate|reseal [--iskra.data=DIR] [--iskra.privacy.key-file=FILE] [--spring.datasource.url=…]";

    private static final int BATCH = 200;
    /** Passes over the data after a rotation: later ones pick up what running nodes sealed with the old key meanwhile. */
    private static final int PASSES = 3;

    public KeysCommand() {
        super("keys", IskraApplication.class);
    }

    /** Exit status: 0 when done (for rotate: every value sealed with the new key), 1 when not, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new KeysCommand().execute(args, out, err);
    }

    @Override
    protected Start<String> prepare(String[] args, PrintStream err) {
        CommandLine.Arguments arguments = arguments(args);
        List<String> actions = arguments.operands();
        if (actions.size() != 1 || !List.of("status", "rotate", "reseal").contains(actions.get(0))) {
            err.println(USAGE_TEXT);
            return null;
        }
        return new Start<>(actions.get(0), arguments.settings(), List.of(), List.of("--logging.level.org.iskra.privacy=INFO"));
    }

    @Override
    protected int work(String action, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        PersonalDataKeys keys = context.getBean(PersonalDataKeys.class);
        SealedValues values = context.getBean(SealedValues.class);
        return switch (action) {
            case "status" -> status(keys, values, out);
            case "rotate" -> rotate(keys, values, out, err);
            default -> reseal(keys, values, out, err);
        };
    }

    private static int status(PersonalDataKeys keys, SealedValues values, PrintStream out) {
        Map<String, Long> counts = values.countByKey(BATCH);
        KeyFile.Keys inFile = keys.keys();
        out.println("Key file: " + keys.file());
        out.printf("%-34s %-8s %s%n", "key", "type", "values");
        for (String id : inFile.aes().keySet()) {
            out.printf("%-34s %-8s %d%n", id, id.equals(inFile.currentAesId()) ? "current" : "old", counts.getOrDefault(id, 0L));
        }
        counts.forEach((id, count) -> {
            if (!inFile.aes().containsKey(id) && !id.equals(SealedValues.COLUMN_ONLY)) {
                out.printf("%-34s %-8s %d%n", id, "MISSING", count);
            }
        });
        long columnOnly = counts.getOrDefault(SealedValues.COLUMN_ONLY, 0L);
        if (columnOnly > 0) {
            out.println(columnOnly + " of these value(s) are sealed for their column only, not bound to their row"
                    + " (sealed before this version): run keys reseal to bind them.");
        }
        out.println("Tables: " + String.join(", ", values.tables().stream().map(SealedColumns::table).toList())
                + ". The hmac key (keyed hashes for lookups) never rotates.");
        return counts.keySet().stream().allMatch(id -> inFile.aes().containsKey(id) || id.equals(SealedValues.COLUMN_ONLY))
                ? OK : FAILED;
    }

    private static int rotate(PersonalDataKeys keys, SealedValues values, PrintStream out, PrintStream err) {
        String id = KeyFile.rotate(keys.file(), new SecureRandom());
        keys.reload();
        out.println("Key " + id + " added to " + keys.file() + " and made current; the older keys stay in the file.");
        out.println("Copy the new key file to every node that has its own copy (a running node reads it again by"
                + " itself) and back it up now: a backup of the old file cannot open what is sealed from now on.");
        return reseal(keys, values, out, err);
    }

    /**
     * Passes over every sealed value until one finds nothing left to do: a running node that has not yet read the
     * new key file may seal a value with the old key behind the first pass.
     */
    private static int reseal(PersonalDataKeys keys, SealedValues values, PrintStream out, PrintStream err) {
        String current = keys.currentAesId();
        long resealed = 0;
        SealedValues.Resealed pass;
        int passes = 0;
        do {
            pass = values.resealAll(BATCH);
            resealed += pass.resealed();
            passes++;
        } while (passes < PASSES && pass.resealed() + pass.changedMeanwhile() > 0);
        out.println("Values sealed again with key " + current + ": " + resealed + ".");
        Map<String, Long> counts = values.countByKey(BATCH);
        long otherKey = counts.entrySet().stream()
                .filter(count -> !count.getKey().equals(current) && !count.getKey().equals(SealedValues.COLUMN_ONLY))
                .mapToLong(Map.Entry::getValue).sum();
        long columnOnly = counts.getOrDefault(SealedValues.COLUMN_ONLY, 0L);
        if (otherKey == 0 && columnOnly == 0) {
            out.println("Every sealed value now uses key " + current + " and is bound to its row.");
            return OK;
        }
        err.println(otherKey + " value(s) still use another key" + (columnOnly > 0 ? " and " + columnOnly
                + " are not bound to their row" : "") + ": " + pass.unreadable() + " could not be opened (see the log: a key missing from the file, or a value moved"
                + " into another row?), the others were written meanwhile. Run: java -jar iskra.jar keys reseal");
        return FAILED;
    }
}
