package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iskra.IskraApplication;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The keys as the running application finds them: in the data folder by default, and never replaced. */
@IskraIntegrationTest
class PrivacyStartupTest {

    @Autowired
    IskraProperties iskra;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyedHash keyedHash;

    @Test
    void theApplicationKeepsItsKeysInTheDataFolder() {
        Path expected = iskra.data().resolve("keys/personal-data.keys").toAbsolutePath().normalize();
        assertThat(keys.file()).isEqualTo(expected);
        assertThat(expected).exists();
        SealedField name = new SealedField("join_request", "name", "join_request.name");
        String sealed = cipher.seal("Анна", name, "row-1");
        assertThat(new PersonalDataCipher(new PersonalDataKeys(expected)).open(sealed, name, "row-1")).isEqualTo("Анна");
        assertThat(keyedHash.of("join_request.email", "anna@example.org")).hasSize(64);
    }

    @Test
    void aMalformedKeyFileStopsTheApplicationFromStarting() throws Exception {
        Path data = TestDatabase.freshDataFolder();
        Path keyFile = KeyFiles.write(data.resolve("keys/personal-data.keys"), "this is not a key file\n");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--iskra.demo=false", "--iskra.data=" + data));
        for (Map.Entry<String, Object> setting : TestDatabase.databaseSettings().entrySet()) {
            arguments.add("--" + setting.getKey() + "=" + setting.getValue());
        }

        assertThatThrownBy(() -> new SpringApplicationBuilder(IskraApplication.class).run(arguments.toArray(String[]::new)))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The personal-data key file " + keyFile + " is malformed: line 1 is not");
        assertThat(Files.readString(keyFile)).isEqualTo("this is not a key file\n");
    }
}
