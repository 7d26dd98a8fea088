package org.iskra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Iskra as an administrator runs it: {@code java -jar target/iskra.jar} in a process of its own, on a data folder
 * and database that outlive it, so a test can kill it the hard way and start it again. Integration tests only
 * (the jar exists from the package phase on).
 */
public final class IskraProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private IskraProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Iskra on {@code data} (and, when the suite runs on PostgreSQL, on {@code database}'s schema) and waits
     * until it answers its health check.
     */
    public static IskraProcess start(Path data, Map<String, Object> database, String... settings) throws IOException {
        Path jar = Path.of("target", "iskra.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after mvn package");
        }
        int port = Await.freePort();
        Files.createDirectories(data);
        Path log = data.resolveSibling(data.getFileName() + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port, "--iskra.data=" + data, "--iskra.demo=false"));
        database.forEach((name, value) -> command.add("--" + name + "=" + value));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        IskraProcess iskra = new IskraProcess(process, port, log);
        try {
            Await.until("Iskra to start (log: " + log + ")", Duration.ofSeconds(90), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("Iskra exited with " + process.exitValue() + " at start; log: " + log);
                }
                return iskra.healthy();
            });
        } catch (AssertionError | RuntimeException e) {
            iskra.kill();
            throw e;
        }
        return iskra;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the kernel's OOM killer or a pulled plug would: SIGKILL, no shutdown hooks, no flushing. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A clean stop (SIGTERM): Spring closes the context and the database. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
