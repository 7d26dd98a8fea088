package org.iskra.search;

import java.io.PrintStream;
import java.util.List;

import org.apache.lucene.store.LockObtainFailedException;
import org.iskra.IskraApplication;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar reindex [--iskra.setting=value …]}: rebuilds this node's search index from the
 * database the usual settings name, without starting the web server, with progress in the log.
 */
public final class ReindexCommand extends Command<Void> {

    static final String USAGE_TEXT = "usage: java -jar iskra.jar reindex [--iskra.data=DIR] [--spring.datasource.url=…]";
    static final String INDEX_IN_USE = "search index in use by a running Iskra; stop it first (a node rebuilds a stale index itself when it starts)";
    static final String DATABASE_IN_USE = CommandLine.DATABASE_IN_USE;

    public ReindexCommand() {
        super("reindex", IskraApplication.class);
    }

    /** Exit status: 0 when the index was rebuilt, 1 when it could not be, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new ReindexCommand().execute(args, out, err);
    }

    @Override
    protected Start<Void> prepare(String[] args, PrintStream err) {
        CommandLine.Arguments arguments = arguments(args);
        if (!arguments.operands().isEmpty()) {
            err.println(USAGE_TEXT);
            return null;
        }
        return new Start<>(null, withoutSearchSettings(arguments.settings()),
                List.of("--" + SearchEnabled.PROPERTY + "=true", "--iskra.search.check-on-start=false"),
                List.of("--logging.level.org.iskra.search=INFO", "--iskra.search.ram-buffer-mb=64"));
    }

    @Override
    protected int work(Void nothing, ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws Exception {
        SearchIndexer.Rebuilt rebuilt = context.getBean(SearchIndexer.class).rebuildNow();
        SearchIndex index = context.getBean(SearchIndex.class);
        out.printf("Search index rebuilt: %d translations in %.1f s, %s%n", rebuilt.translations(),
                rebuilt.took().toMillis() / 1000.0, index.folder());
        return OK;
    }

    @Override
    protected String whyNotStarted(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LockObtainFailedException) {
                return INDEX_IN_USE;
            }
        }
        return super.whyNotStarted(e);
    }

    @Override
    protected String whyStopped(Exception e) {
        return e instanceof InterruptedException ? "The rebuild was interrupted" : "The rebuild stopped: " + CommandLine.rootCause(e);
    }

    /**
     * Command-line arguments outrank application.properties: the command opens the
     * index (commands leave it alone otherwise), does not start the background check a starting node makes (it
     * rebuilds anyway), and shows its progress.
     */
    private static List<String> withoutSearchSettings(List<String> settings) {
        return settings.stream().filter(s -> !s.startsWith("--iskra.search.")).toList();
    }
}
