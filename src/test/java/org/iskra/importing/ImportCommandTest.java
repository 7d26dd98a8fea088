package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a person runs it: its own Spring application, no web server, an exit status and a summary. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void exitsWithZeroWhenEveryFileWasImported() {
        HugoFolder folder = HugoFolder.create(dir.resolve("content"));
        folder.file("peace/index.ru.md").frontMatter("title: Мир\ndate: 2026-01-01\nslug: mir-" + dir.getFileName())
                .body("Текст\n");
        folder.file("peace/index.en.md").frontMatter("title: Peace\ndate: 2026-01-02\nslug: peace-" + dir.getFileName())
                .body("Text\n");

        int status = ImportCommand.run(arguments(folder.root()));

        assertThat(status).isZero();
    }

    @Test
    void exitsWithOneAndNamesTheBadFilesWhenSomeFailed() {
        HugoFolder folder = HugoFolder.create(dir.resolve("content"));
        folder.file("fine.en.md").frontMatter("title: Fine\nslug: fine-" + dir.getFileName()).body("Text\n");
        folder.raw("broken.en.md", "---\ntitle: [\n---\n");

        int status = run(arguments(folder.root()));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Import finished with 1 failed file.")
                .containsPattern("translations: +1 created, +0 updated, +0 unchanged, +0 skipped, +1 failed")
                .contains("broken.en.md: broken YAML front matter");
    }

    @Test
    void exitsWithTwoWithoutAPath() {
        assertThat(run(new String[] {"import"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar iskra.jar import PATH");
    }

    @Test
    void exitsWithTwoForAPathThatDoesNotExist() {
        assertThat(run(new String[] {"import", dir.resolve("nowhere").toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or folder");
    }

    @Test
    void saysSoWhenARunningIskraHoldsTheH2Database() throws Exception {
        Path data = dir.resolve("data");
        HugoFolder folder = HugoFolder.create(dir.resolve("content"));
        folder.file("fine.en.md").frontMatter("title: Fine").body("Text\n");
        Process server = holdH2Database(data.resolve("iskra"));
        try {
            int status = run(new String[] {"import", folder.root().toString(), "--iskra.data=" + data});

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8).strip())
                    .isEqualTo("database in use by a running Iskra; stop it or use PostgreSQL");
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private int run(String[] args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The folder to import, a fresh data folder, and the test database's settings when the suite runs on PostgreSQL. */
    private String[] arguments(Path folder) {
        List<String> args = new ArrayList<>(List.of("import", folder.toString(),
                "--iskra.data=" + dir.resolve("data").toAbsolutePath()));
        TestDatabase.databaseSettings().forEach((key, value) -> args.add("--" + key + "=" + value));
        return args.toArray(String[]::new);
    }

    /** Another process with the H2 file open, as a running Iskra has: H2's own shell, waiting for input. */
    private static Process holdH2Database(Path database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process process = new ProcessBuilder(java, "-cp", h2, "org.h2.tools.Shell",
                "-url", "jdbc:h2:file:" + database + ";MODE=PostgreSQL", "-user", "sa")
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        int c;
        while (!seen.toString().contains("sql>") && (c = output.read()) >= 0) {
            seen.append((char) c);
        }
        assertThat(seen.toString()).as("the H2 shell opened the database").contains("sql>");
        return process;
    }
}
