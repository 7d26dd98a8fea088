package org.iskra.site;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The skeleton every command of the jar ({@code java -jar iskra.jar NAME …}) shares: check the arguments, start Iskra
 * without its web server and with the command's settings, do the work in that application, close it, answer with an
 * exit status and one line saying why when it failed. A command fills in the steps that are its own.
 *
 * <p>The application's main method finds the commands through {@link ServiceLoader}
 * ({@code META-INF/services/org.iskra.site.Command}): the root package names none of them, so that they may name it
 * (they start it) without the two depending on each other.
 *
 * @param <P> what the command's arguments say, once checked
 */
public abstract class Command<P> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /**
     * How to run the command: Iskra started with the user's {@code settings}, those the command {@code forces} and
     * those it sets unless the user did ({@code defaults}), then {@code parsed} handed to the work.
     */
    protected record Start<P>(P parsed, List<String> settings, List<String> forced, List<String> defaults) {

        public Start {
            settings = List.copyOf(settings);
            forced = List.copyOf(forced);
            defaults = List.copyOf(defaults);
        }
    }

    private final String name;
    private final Class<?> application;

    /**
     * @param name        what follows {@code java -jar iskra.jar}
     * @param application the Spring Boot application the command starts
     */
    protected Command(String name, Class<?> application) {
        this.name = name;
        this.application = application;
    }

    public final String name() {
        return name;
    }

    /** The command of the jar with this name, if there is one. */
    public static Optional<Command<?>> named(String name) {
        for (Command<?> command : ServiceLoader.load(Command.class, Command.class.getClassLoader())) {
            if (command.name().equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Runs the command; {@code args} may start with its name. Exit status: 0 done, 1 failed, 2 bad usage or input. */
    public final int execute(String[] args, PrintStream out, PrintStream err) {
        Integer done = withoutIskra(args, out, err);
        if (done != null) {
            return done;
        }
        Start<P> start = prepare(args, err);
        if (start == null) {
            return USAGE;
        }
        // a command never loads the demo content into the database it works on
        List<String> forced = new ArrayList<>(List.of("--iskra.demo=false"));
        forced.addAll(start.forced());
        ConfigurableApplicationContext context;
        try {
            context = CommandLine.start(application, start.settings(), forced, start.defaults());
        } catch (RuntimeException e) {
            err.println(whyNotStarted(e));
            return FAILED;
        }
        try (context) {
            return work(start.parsed(), context, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(whyStopped(e));
            return FAILED;
        } catch (Exception e) {
            err.println(whyStopped(e));
            return FAILED;
        }
    }

    /**
     * A form of the command that reads only files and needs no Iskra started (checking a mirror, say): its exit
     * status, or null when {@code args} ask for the usual form.
     */
    protected Integer withoutIskra(String[] args, PrintStream out, PrintStream err) {
        return null;
    }

    /** Checks the arguments; null after printing to {@code err} why they are wrong (exit status 2). */
    protected abstract Start<P> prepare(String[] args, PrintStream err);

    /** The command's work in the started application; returns the exit status. */
    protected abstract int work(P parsed, ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws Exception;

    /** Why Iskra did not start, in one line. */
    protected String whyNotStarted(RuntimeException e) {
        return CommandLine.databaseInUse(e) ? CommandLine.DATABASE_IN_USE : "Iskra could not start: " + CommandLine.rootCause(e);
    }

    /** Why the work stopped, in one line. */
    protected String whyStopped(Exception e) {
        return "The command stopped: " + CommandLine.rootCause(e);
    }

    /** The arguments split into settings for Spring and the rest, without the command's name. */
    protected final CommandLine.Arguments arguments(String[] args) {
        return CommandLine.Arguments.of(name, args);
    }
}
