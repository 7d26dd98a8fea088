package org.iskra.search;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.LockObtainFailedException;
import org.h2.api.ErrorCode;
import org.iskra.IskraApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
    static final String DATABASE_IN_USE = "database in use by a running Iskra; stop it or use PostgreSQL";

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
            context = new SpringApplicationBuilder(IskraApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(springArguments(settings));
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
            err.println("The rebuild stopped: " + rootCause(e));
            return FAILED;
        }
    }

    /**
     * Command-line arguments outrank application.properties: the command never loads the demo content, opens the
     * index (commands leave it alone otherwise), does not start the background check a starting node makes (it
     * rebuilds anyway), and shows its progress.
     */
    private static String[] springArguments(List<String> settings) {
        List<String> arguments = new ArrayList<>();
        for (String setting : settings) {
            if (!setting.startsWith("--iskra.demo=") && !setting.startsWith("--iskra.search.")) {
                arguments.add(setting);
            }
        }
        arguments.add("--iskra.demo=false");
        arguments.add("--" + SearchEnabled.PROPERTY + "=true");
        arguments.add("--iskra.search.check-on-start=false");
        addUnlessGiven(arguments, settings, "--logging.level.root=WARN");
        addUnlessGiven(arguments, settings, "--logging.level.org.iskra.search=INFO");
        addUnlessGiven(arguments, settings, "--logging.level.org.springframework.boot.SpringApplication=OFF");
        addUnlessGiven(arguments, settings, "--logging.level.org.springframework.boot.diagnostics=OFF");
        addUnlessGiven(arguments, settings, "--logging.level.com.zaxxer.hikari=OFF");
        addUnlessGiven(arguments, settings, "--logging.level.org.springframework.context=ERROR");
        return arguments.toArray(String[]::new);
    }

    private static void addUnlessGiven(List<String> arguments, List<String> given, String setting) {
        String name = setting.substring(0, setting.indexOf('=') + 1);
        if (given.stream().noneMatch(g -> g.startsWith(name))) {
            arguments.add(setting);
        }
    }

    private static String explain(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LockObtainFailedException) {
                return INDEX_IN_USE;
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return DATABASE_IN_USE;
            }
        }
        return "Iskra could not start: " + rootCause(e);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
