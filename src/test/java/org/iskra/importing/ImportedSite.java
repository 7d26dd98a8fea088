package org.iskra.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.iskra.IskraApplication;
import org.iskra.testsupport.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A site imported as an administrator imports one: the real {@code import} command on a data folder and database of
 * its own, then the application started on the same data and database as a web server, to ask over HTTP.
 */
final class ImportedSite implements AutoCloseable {

    private final Path data;
    private final Map<String, Object> database;
    private ConfigurableApplicationContext server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    ImportedSite() {
        this.data = TestDatabase.freshDataFolder();
        this.database = TestDatabase.databaseSettings();
    }

    /** Copies a fixture of the test resources ({@code importing/hugo-site}) into {@code target}. */
    static Path fixture(String name, Path target) {
        try {
            URL url = ImportedSite.class.getClassLoader().getResource("importing/" + name);
            Path source = Path.of(url.toURI());
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings that name this site's data folder and database, as command-line arguments. */
    List<String> settings() {
        List<String> settings = new ArrayList<>(List.of("--iskra.data=" + data, "--iskra.demo=false"));
        database.forEach((key, value) -> settings.add("--" + key + "=" + value));
        return settings;
    }

    /** Runs {@code java -jar iskra.jar import ARGS} against this site's data and database; returns the exit status. */
    int importing(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.add("--iskra.data=" + data);
        database.forEach((key, value) -> all.add("--" + key + "=" + value));
        return ImportCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Starts the web application on the imported data; returns its port. */
    int serve() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--iskra.demo=false", "--iskra.data=" + data));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        server = new SpringApplicationBuilder(IskraApplication.class).run(args.toArray(String[]::new));
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    ConfigurableApplicationContext server() {
        return server;
    }

    /** Stops the web server, so the next import may open an H2 database again. */
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
