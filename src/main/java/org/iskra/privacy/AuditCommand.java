package org.iskra.privacy;

import java.io.PrintStream;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar audit verify [--iskra.setting=value …]}: checks that every audit row is still the one
 * that was written, in its place, and reports the first broken link. The site may keep running on PostgreSQL.
 */
public final class AuditCommand extends Command<Void> {

    static final String USAGE_TEXT = "usage: java -jar iskra.jar audit verify [--iskra.data=DIR] [--spring.datasource.url=…]";

    public AuditCommand() {
        super("audit", IskraApplication.class);
    }

    /** Exit status: 0 when the chain is whole, 1 when a link is broken or Iskra could not start, 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new AuditCommand().execute(args, out, err);
    }

    @Override
    protected Start<Void> prepare(String[] args, PrintStream err) {
        CommandLine.Arguments arguments = arguments(args);
        if (!arguments.operands().equals(List.of("verify"))) {
            err.println(USAGE_TEXT);
            return null;
        }
        return new Start<>(null, arguments.settings(), List.of(), List.of());
    }

    @Override
    protected int work(Void nothing, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        AuditVerification.Result result = context.getBean(AuditVerification.class).verify();
        if (result.intact()) {
            out.println("Audit log intact: " + result.rows() + " rows, each linked to the one before it.");
            out.println("Last hash: " + result.lastHash() + " (keep it somewhere else: a later check that finds"
                    + " it at row " + result.rows() + " proves nothing before it changed)");
            return OK;
        }
        AuditVerification.Broken broken = result.broken();
        err.println("Audit log broken at row " + broken.seq() + (broken.id() >= 0 ? " (audit_event id " + broken.id() + ")" : "")
                + ": " + broken.reason() + ".");
        err.println("The " + result.rows() + " rows before it are intact; last good hash " + result.lastHash() + ".");
        return FAILED;
    }
}
