package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code languages remove}: a language an import added can be taken back, but not while it still has translations
 * unless the administrator says so, and never one that {@code ISKRA_LANGUAGES} names.
 */
class LanguagesCommandTest {

    @TempDir
    Path dir;

    private List<String> settings;

    @BeforeEach
    void oneDatabaseForAllTheCommandsOfATest() {
        settings = new ArrayList<>(List.of("--iskra.data=" + dir.resolve("data").toAbsolutePath()));
        TestDatabase.databaseSettings().forEach((key, value) -> settings.add("--" + key + "=" + value));
    }

    @Test
    void aLanguageWithTranslationsIsRemovedOnlyWhenForcedAndIsThenNoLongerListed() {
        HugoFolder folder = HugoFolder.create(dir.resolve("content"));
        folder.file("peace/index.en.md").frontMatter("title: Peace\ndate: 2026-01-01\nslug: peace").body("Text\n");
        folder.file("peace/index.ja.md").frontMatter("title: 平和\ndate: 2026-01-02\nslug: heiwa").body("本文\n");
        assertThat(ImportCommand.run(with("import", folder.root().toString(), "--add-languages"))).isZero();

        Result refused = run("languages", "remove", "ja");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("ja still has 1 translation(s)")
                .contains("java -jar iskra.jar languages remove ja --force");
        assertThat(run("languages", "list").out()).containsPattern("(?m)^ja +.*added.* 1 translation");

        Result forced = run("languages", "remove", "JA", "--force");
        assertThat(forced.status()).isZero();
        assertThat(forced.out()).contains("Removed ja").contains("its 1 translation(s) stay in the database");

        Result listed = run("languages", "list");
        assertThat(listed.status()).isZero();
        assertThat(listed.out()).containsPattern("(?m)^en +.*named by ISKRA_LANGUAGES").doesNotContainPattern("(?m)^ja ");
    }

    @Test
    void refusesALanguageTheSettingsNameAndOneTheSiteDoesNotHave() {
        Result configured = run("languages", "remove", "ru");
        assertThat(configured.status()).isEqualTo(1);
        assertThat(configured.err()).contains("ru is named by ISKRA_LANGUAGES");

        Result unknown = run("languages", "remove", "ko");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("ko is not one of the site's languages");
    }

    @Test
    void withoutACodeItShowsHowToUseIt() {
        Result result = run("languages", "remove");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("usage: java -jar iskra.jar languages list|remove CODE [--force]");
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LanguagesCommand.run(with(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(settings);
        return all.toArray(String[]::new);
    }
}
