package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation from before media moved into the database: its variants are files in the data folder's media/
 * and their rows name no blob. The node serves them from there meanwhile, and copies them in.
 */
@IskraIntegrationTest
class LegacyMediaFolderTest {

    @Autowired
    MediaLibrary library;

    @Autowired
    LegacyMediaFolder legacy;

    @Autowired
    MediaFiles cache;

    @Autowired
    IskraProperties properties;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void servesTheFilesOfTheOldMediaFolderAndCopiesThemIntoTheDatabase() throws Exception {
        MediaImage image = library.store(TestImages.jpeg(TestImages.photo(900, 600, 4242)), null, null);
        Path folder = Files.createDirectories(properties.data().resolve("media"));
        Map<String, byte[]> files = new HashMap<>();
        for (MediaVariant variant : image.variants()) {
            Path cached = cache.folder().resolve(variant.fileName());
            files.put(variant.fileName(), Files.readAllBytes(cached));
            Files.move(cached, folder.resolve(variant.fileName()));
        }
        Files.writeString(folder.resolve("notes.txt"), "someone's notes");
        // as the old version left it: the rows without blobs, and no bytes in the database
        jdbc.sql("update media_variant set blob_hash = null where media_id = ?").param(image.id()).update();
        jdbc.sql("update media set original_hash = null where id = ?").param(image.id()).update();
        jdbc.sql("delete from media_blob_chunk where hash not in (select blob_hash from media_variant where blob_hash is not null"
                + " union select original_hash from media where original_hash is not null)").update();
        jdbc.sql("delete from media_blob where hash not in (select blob_hash from media_variant where blob_hash is not null"
                + " union select original_hash from media where original_hash is not null)").update();

        Http http = new Http(port);
        assertThat(http.getBytes(image.fallback().url()).body()).as("served from the old folder meanwhile")
                .isEqualTo(files.get(image.fallback().fileName()));

        LegacyMediaFolder.Imported imported = legacy.importAll();

        assertThat(imported.copied()).isEqualTo(image.variants().size());
        assertThat(jdbc.sql("select count(*) from media_variant where media_id = ? and blob_hash is null")
                .param(image.id()).query(Long.class).single()).isZero();
        assertThat(folder.resolve("notes.txt")).as("what is not a variant stays").exists();
        try (var left = Files.list(folder)) {
            assertThat(left).hasSize(1);
        }
        try (var cached = Files.list(cache.folder())) {
            cached.forEach(cache::deleteQuietly);
        }
        for (MediaVariant variant : image.variants()) {
            assertThat(http.getBytes(variant.url()).body()).as("from the database").isEqualTo(files.get(variant.fileName()));
        }
        assertThat(legacy.importAll().copied()).as("a second pass copies nothing").isZero();
    }
}
