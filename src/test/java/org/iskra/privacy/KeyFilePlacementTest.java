package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** When a start warns that the key file lies beside the database it protects. */
class KeyFilePlacementTest {

    private static final String H2 = "jdbc:h2:file:/srv/iskra/data/iskra;MODE=PostgreSQL;WRITE_DELAY=0";

    @Test
    void aPublicSiteWithTheKeyFileInTheFolderOfItsH2DatabaseIsWarned() {
        assertThat(KeyFilePlacement.warning(Path.of("/srv/iskra/data/keys/personal-data.keys"), H2, "https://iskra.example.org"))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("/srv/iskra/data/keys/personal-data.keys", "/srv/iskra/data", "ISKRA_KEY_FILE"));
        assertThat(KeyFilePlacement.warning(Path.of("/srv/iskra/data/personal-data.keys"), "jdbc:h2:file:/srv/iskra/data/iskra",
                "http://203.0.113.9:8080")).isPresent();
    }

    @Test
    void aKeyFileElsewhereAPostgresDatabaseOrALocalSiteIsNot() {
        Path inData = Path.of("/srv/iskra/data/keys/personal-data.keys");
        assertThat(KeyFilePlacement.warning(Path.of("/etc/iskra/personal-data.keys"), H2, "https://iskra.example.org")).isEmpty();
        assertThat(KeyFilePlacement.warning(inData, "jdbc:postgresql://db:5432/iskra", "https://iskra.example.org")).isEmpty();
        assertThat(KeyFilePlacement.warning(inData, H2, "http://localhost:8080")).isEmpty();
        assertThat(KeyFilePlacement.warning(inData, H2, "http://127.0.0.1:8080")).isEmpty();
        assertThat(KeyFilePlacement.warning(Path.of("/srv/iskra/data-keys/personal-data.keys"), H2, "https://iskra.example.org"))
                .as("a folder whose name only begins the same").isEmpty();
    }
}
