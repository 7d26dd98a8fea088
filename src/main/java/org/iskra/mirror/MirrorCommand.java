package org.iskra.mirror;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar mirror DIR}: writes the public site into DIR as static files, from the database and
 * the data folder alone (no running node needed). {@code mirror verify DIR [--key=FILE]} checks a mirror against
 * its signed manifest, with the site's public key (a PEM file, from the site's well-known address) or else the copy
 * the mirror carries.
 */
public final class MirrorCommand extends Command<Path> {

    static final String USAGE_TEXT = """
            usage: java -jar iskra.jar mirror DIR [--iskra.setting=value …]
                   java -jar iskra.jar mirror verify DIR [--key=PUBLIC-KEY.pem]""";

    public MirrorCommand() {
        super("mirror", IskraApplication.class);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new MirrorCommand().execute(args, out, err);
    }

    /** {@code mirror verify} reads the mirror's files only. */
    @Override
    protected Integer withoutIskra(String[] args, PrintStream out, PrintStream err) {
        CommandLine.Arguments arguments = arguments(args);
        List<String> operands = arguments.operands();
        if (operands.size() == 2 && operands.get(0).equals("verify")) {
            return verify(Path.of(operands.get(1)), arguments.settings(), out, err);
        }
        return null;
    }

    @Override
    protected Start<Path> prepare(String[] args, PrintStream err) {
        CommandLine.Arguments arguments = arguments(args);
        List<String> operands = arguments.operands();
        if (operands.size() != 1 || operands.get(0).equals("verify")) {
            err.println(USAGE_TEXT);
            return null;
        }
        Path dir = Path.of(operands.get(0)).toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println(dir + " is a file, not a folder");
            return null;
        }
        return new Start<>(dir, arguments.settings(), List.of(), List.of());
    }

    @Override
    protected int work(Path dir, ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws Exception {
        MirrorWriter.Summary summary = context.getBean(MirrorWriter.class).write(dir, null);
        out.println(summary);
        return OK;
    }

    @Override
    protected String whyStopped(Exception e) {
        return "The mirror could not be written: " + CommandLine.rootCause(e);
    }

    private static int verify(Path dir, List<String> settings, PrintStream out, PrintStream err) {
        PublicKey key = null;
        for (String setting : settings) {
            if (setting.startsWith("--key=")) {
                try {
                    key = SigningKey.fromPem(Files.readString(Path.of(setting.substring("--key=".length())), StandardCharsets.US_ASCII));
                } catch (IOException | IllegalArgumentException e) {
                    err.println("cannot read the public key " + setting.substring("--key=".length()) + ": " + e.getMessage());
                    return USAGE;
                }
            } else {
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            err.println("no such folder: " + folder);
            return USAGE;
        }
        try {
            MirrorVerification.Result result = MirrorVerification.verify(folder, key);
            if (!result.ok()) {
                result.problems().forEach(problem -> err.println("FAILED " + problem));
                err.println("The mirror in " + folder + " does NOT match its signed manifest.");
                return FAILED;
            }
            out.printf("The mirror in %s matches its signed manifest: %d files, signed by key %s.%n", folder,
                    result.files(), result.keyFingerprint());
            if (result.keyFromMirror()) {
                out.println("The key is the copy the mirror carries: compare its fingerprint with the site's"
                        + " (/.well-known/iskra-mirror-key.pem), or give that file with --key=FILE.");
            }
            return OK;
        } catch (IOException e) {
            err.println("The mirror could not be read: " + e.getMessage());
            return FAILED;
        }
    }
}
