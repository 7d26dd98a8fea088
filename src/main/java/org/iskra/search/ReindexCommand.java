package org.iskra.search;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.LockObtainFailedException;
import org.iskra.IskraApplication;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar reindex [--iskra.setting=value …]}: rebuilds this node's search index from the
 * database the usual settings name, without starting the web server, with progress in the log.
 */
public final class ReindexCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: java -jar iskra.jar reindex [--iskra.data=DIR] [--spring.datasource.url=…]";
    static final String INDEX_IN_USE = "search index in use by a running Iskra; stop it first (a node rebuilds a stale index itself when it starts)";
    static final String DATABASE_IN_USE = CommandLine.DATABASE_IN_USE;

    private ReindexCommand() {
    }

    /** Exit status: 0 when the index was rebuilt, 1 when it could not be, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (i == 0 && args[i].equals("reindex")) {
                continue;
            }
            if (!args[i].startsWith("--")) {
                err.println(USAGE_TEXT);
                return USAGE;
            }
            settings.add(args[i]);
        }
        ConfigurableApplicationContext context;
        try {
            context = CommandLine.start(IskraApplication.class, withoutSearchSettings(settings),
                    List.of("--iskra.demo=false", "--" + SearchEnabled.PROPERTY + "=true", "--iskra.search.check-on-start=false"),
                    List.of("--logging.level.org.iskra.search=INFO", "--iskra.search.ram-buffer-mb=64"));
        } catch (RuntimeException e) {
            err.println(explain(e));
            return FAILED;
        }
        try (context) {
            SearchIndexer.Rebuilt rebuilt = context.getBean(SearchIndexer.class).rebuildNow();
            SearchIndex index = context.getBean(SearchIndex.class);
            out.printf("Search index rebuilt: %d translations in %.1f s, %s%n", rebuilt.translations(),
                    rebuilt.took().toMillis() / 1000.0, index.folder());
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("The rebuild was interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("The rebuild stopped: " + CommandLine.rootCause(e));
            return FAILED;
        }
    }

    /**
     * Command-line arguments outrank application.properties: the command never loads the demo content, opens the
     * index (commands leave it alone otherwise), does not start the background check a starting node makes (it
     * rebuilds anyway), and shows its progress.
     */
    private static List<String> withoutSearchSettings(List<String> settings) {
        return settings.stream().filter(s -> !s.startsWith("--iskra.search.")).toList();
    }

    private static String explain(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LockObtainFailedException) {
                return INDEX_IN_USE;
            }
        }
        return CommandLine.databaseInUse(e) ? DATABASE_IN_USE : "Iskra could not start: " + CommandLine.rootCause(e);
    }
}
