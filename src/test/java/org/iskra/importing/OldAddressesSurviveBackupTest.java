package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iskra.backup.BackupCommand;
import org.iskra.backup.RestoreCommand;
import org.iskra.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The old addresses and the added languages are rows like any other: a backup holds them (it takes every table the
 * database has), and a restored installation answers the same 301s and serves the same languages.
 */
class OldAddressesSurviveBackupTest {

    @TempDir
    Path dir;

    @Test
    void aRestoredSiteStillRedirectsTheImportedAddressesAndServesTheAddedLanguages() throws Exception {
        Path export = ImportedSite.fixture("wordpress-polylang.xml", dir.resolve("export.xml"));
        Path backup = dir.resolve("iskra.backup");
        try (ImportedSite original = new ImportedSite()) {
            original.importing(export.toString(), "--add-languages");
            assertThat(original.output()).contains("Languages added: ja");
            List<String> args = new ArrayList<>(List.of("backup", backup.toString()));
            args.addAll(original.settings());
            assertThat(BackupCommand.run(args.toArray(String[]::new))).isZero();
        }
        try (ImportedSite restored = new ImportedSite()) {
            List<String> args = new ArrayList<>(List.of("restore", backup.toString()));
            args.addAll(restored.settings());
            assertThat(RestoreCommand.run(args.toArray(String[]::new))).isZero();
            Http http = new Http(restored.serve());

            HttpResponse<String> moved = http.get("/2024/05/general-strike/");
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).hasValue("/en/articles/general-strike");
            assertThat(http.get("/?p=62").headers().firstValue("Location")).hasValue("/ja/articles/gang-wan");
            assertThat(http.get("/ja/articles/gang-wan").statusCode()).isEqualTo(200);
        }
        assertThat(Files.size(backup)).isPositive();
    }
}
