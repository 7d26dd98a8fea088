package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {

    @TempDir
    Path data;

    @Test
    void writesAFileAndFindsItByName() throws Exception {
        MediaFiles files = new MediaFiles(data.resolve("media"));
        byte[] bytes = {1, 2, 3};
        String name = MediaFiles.fileName(7, 480, "webp", bytes);

        files.write(name, bytes);

        assertThat(name).matches("[0-9a-f]{16}-480\\.webp");
        assertThat(files.find(name)).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(bytes));
        try (var listing = Files.list(files.folder())) {
            assertThat(listing).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void namesTheSameBytesDifferentlyForDifferentMedia() {
        byte[] bytes = {1, 2, 3};

        assertThat(MediaFiles.fileName(1, 480, "jpeg", bytes)).isNotEqualTo(MediaFiles.fileName(2, 480, "jpeg", bytes))
                .endsWith("-480.jpg");
        assertThat(MediaFiles.fileName(1, 480, "jpeg", bytes)).isEqualTo(MediaFiles.fileName(1, 480, "jpeg", bytes));
    }

    @Test
    void findsNothingOutsideTheMediaFolderOrNotNamedLikeAVariant() throws Exception {
        MediaFiles files = new MediaFiles(data.resolve("media"));
        Files.writeString(data.resolve("secret.txt"), "key");
        Files.writeString(files.folder().resolve(".tmp-1.part"), "half");

        for (String name : new String[] {"../secret.txt", "..", "%2e%2e%2fsecret.txt", ".tmp-1.part",
                "0123456789abcdef-480.png", "0123456789ABCDEF-480.jpg", "0123456789abcdef-480.jpg/..",
                "0123456789abcdef-0480.jpg", "", "0123456789abcdef-480.jpg"}) {
            assertThat(files.find(name)).as(name).isEmpty();
        }
        assertThat(files.find(null)).isEmpty();
    }

    @Test
    void refusesToWriteUnderANameItWouldNotServe() {
        MediaFiles files = new MediaFiles(data.resolve("media"));

        assertThatThrownBy(() -> files.write("../escape.jpg", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
