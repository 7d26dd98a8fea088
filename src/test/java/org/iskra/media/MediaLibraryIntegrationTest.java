package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@EmptyIskraTest
class MediaLibraryIntegrationTest {

    private static int seed = 1;

    @LocalServerPort
    int port;

    @Autowired
    MediaLibrary library;

    @Autowired
    MediaFiles files;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void storesTheOriginalAndEveryVariantInTheDatabaseAndServesThemWithoutTheCache() throws Exception {
        byte[] original = upload(1300, 900);
        MediaImage image = library.store(original, null, null);
        assertThat(blobBytes(jdbc.sql("select original_hash from media where id = ?").param(image.id())
                .query(String.class).single())).isEqualTo(original);
        Map<String, byte[]> served = new HashMap<>();
        for (MediaVariant variant : image.variants()) {
            String blob = jdbc.sql("select blob_hash from media_variant where file_name = ?").param(variant.fileName())
                    .query(String.class).single();
            assertThat(blobBytes(blob)).isEqualTo(Files.readAllBytes(files.folder().resolve(variant.fileName())));
            served.put(variant.fileName(), blobBytes(blob));
        }

        try (Stream<Path> cached = Files.list(files.folder())) {
            cached.forEach(files::deleteQuietly); // a node's cache may be lost at any time
        }

        for (MediaVariant variant : image.variants()) {
            HttpResponse<byte[]> response = http.getBytes(variant.url());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(served.get(variant.fileName()));
            try (var read = library.openVariant(variant.fileName()).orElseThrow()) {
                assertThat(read.readAllBytes()).as("what a mirror reads").isEqualTo(served.get(variant.fileName()));
            }
        }
        assertThat(files.folder().resolve(image.fallback().fileName())).as("filled again").isRegularFile();
        assertThat(library.openVariant("0123456789abcdef-480.jpg")).isEmpty();
    }

    @Test
    void keepsALargeOriginalInPiecesOfBoundedSize() throws Exception {
        byte[] original = TestImages.png(TestImages.photo(1900, 1300, seed++ * 31L));
        MediaImage image = library.store(original, null, null);

        String hash = jdbc.sql("select original_hash from media where id = ?").param(image.id()).query(String.class).single();
        assertThat(original.length).as("a test original larger than one piece").isGreaterThan(DatabaseBlobStore.CHUNK);
        assertThat(jdbc.sql("select count(*) from media_blob_chunk where hash = ?").param(hash).query(Long.class).single())
                .isEqualTo((original.length + DatabaseBlobStore.CHUNK - 1) / DatabaseBlobStore.CHUNK);
        assertThat(blobBytes(hash)).isEqualTo(original);
    }

    @Test
    void storesVariantsOnDiskAndRowsInTheDatabase() throws Exception {
        MediaImage image = library.store(upload(1700, 1000), "Photo: Iskra", "https://example.org/photos");

        assertThat(image.hash()).matches("[0-9a-f]{64}");
        assertThat(image.width()).isEqualTo(1700);
        assertThat(image.height()).isEqualTo(1000);
        assertThat(image.credit()).isEqualTo("Photo: Iskra");
        assertThat(image.creditLink()).isEqualTo("https://example.org/photos");
        assertThat(image.variants("jpeg")).extracting(MediaVariant::width).containsExactly(480, 800, 1200, 1600);
        assertThat(image.variants("webp")).extracting(MediaVariant::width).containsExactly(480, 800, 1200, 1600);
        for (MediaVariant variant : image.variants()) {
            Path file = files.folder().resolve(variant.fileName());
            assertThat(file).isRegularFile();
            assertThat(jdbc.sql("select byte_size from media_variant where file_name = ?").param(variant.fileName())
                    .query(Integer.class).single()).isEqualTo((int) Files.size(file));
        }
    }

    @Test
    void storesA40MegapixelPhotoWithItsOwnSizeAndVariantsUpTo1600() throws Exception {
        MediaImage image = library.store(TestImages.largeJpeg(), null, null);

        assertThat(image.width()).isEqualTo(8000);
        assertThat(image.height()).isEqualTo(5000);
        for (String format : new String[] {"jpeg", "webp"}) {
            assertThat(image.variants(format)).extracting(MediaVariant::width, MediaVariant::height)
                    .containsExactly(tuple(480, 300), tuple(800, 500), tuple(1200, 750), tuple(1600, 1000));
        }
        BufferedImage widest = ImageIO.read(files.folder().resolve(image.variants("jpeg").get(3).fileName()).toFile());
        assertThat(widest.getWidth()).isEqualTo(1600);
        assertThat(widest.getHeight()).isEqualTo(1000);
        assertThat(TestImages.isRed(widest.getRGB(10, 10))).isTrue();
        assertThat(TestImages.isBlue(widest.getRGB(1590, 990))).isTrue();
    }

    @Test
    void storesATurned40MegapixelPhotoUpright() throws Exception {
        byte[] turned = TestImages.withSegments(TestImages.largeJpeg(), TestImages.exifWithGps(6, false));

        MediaImage image = library.store(turned, null, null);

        assertThat(image.width()).isEqualTo(5000);
        assertThat(image.height()).isEqualTo(8000);
        for (String format : new String[] {"jpeg", "webp"}) {
            assertThat(image.variants(format)).extracting(MediaVariant::width, MediaVariant::height)
                    .containsExactly(tuple(480, 768), tuple(800, 1280), tuple(1200, 1920), tuple(1600, 2560));
        }
        for (MediaVariant variant : image.variants("jpeg")) {
            BufferedImage shown = ImageIO.read(files.folder().resolve(variant.fileName()).toFile());
            assertThat(shown.getWidth()).isEqualTo(variant.width());
            assertThat(shown.getHeight()).isEqualTo(variant.height());
            assertThat(TestImages.isRed(shown.getRGB(shown.getWidth() - 10, 10))).as(variant.url()).isTrue();
            assertThat(TestImages.isBlue(shown.getRGB(10, shown.getHeight() - 10))).as(variant.url()).isTrue();
        }
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneRowAndWritesNothingNew() throws Exception {
        byte[] bytes = upload(900, 600);
        MediaImage first = library.store(bytes, null, null);
        Map<Path, FileTime> before = filesOnDisk();

        MediaImage second = library.store(bytes.clone(), null, null);

        assertThat(second).isEqualTo(first);
        assertThat(rowsWithHash(first.hash())).isEqualTo(1);
        assertThat(filesOnDisk()).isEqualTo(before);
    }

    @Test
    void storingTheSameBytesConcurrentlyEndsWithOneRow() throws Exception {
        byte[] bytes = upload(1300, 800);
        CountDownLatch start = new CountDownLatch(1);
        Callable<MediaImage> store = () -> {
            start.await();
            return library.store(bytes, "Credit", null);
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<MediaImage>> results = List.of(pool.submit(store), pool.submit(store), pool.submit(store));
            start.countDown();
            Set<Long> ids = new java.util.HashSet<>();
            for (Future<MediaImage> result : results) {
                ids.add(result.get().id());
            }
            assertThat(ids).hasSize(1);
            assertThat(rowsWithHash(results.get(0).get().hash())).isEqualTo(1);
            // The losers wrote no files of their own, or removed them: every file on disk belongs to a row.
            Set<String> named = Set.copyOf(jdbc.sql("select file_name from media_variant").query(String.class).list());
            assertThat(filesOnDisk().keySet()).extracting(p -> p.getFileName().toString())
                    .allSatisfy(name -> assertThat(named).contains(name));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updatesTheCreditWhenTheSameBytesComeWithANewOne() throws Exception {
        byte[] bytes = upload(500, 400);
        MediaImage stored = library.store(bytes, "Old credit", "https://example.org/old");

        assertThat(library.store(bytes, null, null).credit()).as("null keeps the credit").isEqualTo("Old credit");
        MediaImage updated = library.store(bytes, "  New credit ", null);

        assertThat(updated.id()).isEqualTo(stored.id());
        assertThat(updated.credit()).isEqualTo("New credit");
        assertThat(updated.creditLink()).isEqualTo("https://example.org/old");
        assertThat(library.findById(stored.id()).orElseThrow().credit()).isEqualTo("New credit");
        assertThat(library.store(bytes, "", "").credit()).as("blank clears it").isNull();
        assertThat(library.findById(stored.id()).orElseThrow().creditLink()).isNull();
    }

    @Test
    void refusesACreditLinkThatIsNotAWebAddress() {
        assertThatThrownBy(() -> library.store(upload(300, 200), "Credit", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonImagesWithoutStoringAnything() {
        long rowsBefore = jdbc.sql("select count(*) from media").query(Long.class).single();

        assertThatThrownBy(() -> library.store("<?php system($_GET['c']); ?>".getBytes(), null, null))
                .isInstanceOf(UnsupportedImageException.class)
                .extracting(e -> ((UnsupportedImageException) e).reason()).isEqualTo("media.error.not-an-image");
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isEqualTo(rowsBefore);
    }

    @Test
    void findsImagesByHashByIdAndManyAtOnce() throws Exception {
        MediaImage a = library.store(upload(600, 400), null, null);
        MediaImage b = library.store(upload(700, 400), null, null);

        assertThat(library.findByHash(a.hash())).contains(a);
        assertThat(library.findById(b.id())).contains(b);
        assertThat(library.findByHash("f".repeat(64))).isEmpty();
        assertThat(library.findByHash("../" + a.hash())).isEmpty();
        assertThat(library.findByHashes(List.of(a.hash(), b.hash(), "0".repeat(64), "nonsense")))
                .containsOnlyKeys(a.hash(), b.hash())
                .containsEntry(a.hash(), a)
                .containsEntry(b.hash(), b);
        assertThat(library.findByHashes(List.of())).isEmpty();
    }

    @Test
    void servesVariantsWithTheirTypeLengthAndCachingForAYear() throws Exception {
        MediaImage image = library.store(upload(1000, 700), null, null);

        for (MediaVariant variant : image.variants()) {
            HttpResponse<byte[]> response = http.getBytes(variant.url());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(variant.mimeType());
            assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("\""));
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
            assertThat(response.body()).isEqualTo(Files.readAllBytes(files.folder().resolve(variant.fileName())));
        }
    }

    @Test
    void servesNoMetadataFromAPhoneJpeg() throws Exception {
        byte[] phoneJpeg = TestImages.withSegments(TestImages.jpeg(TestImages.photo(900, 600, seed++)),
                TestImages.exifWithGps(1, false), TestImages.xmpWithGps(), TestImages.comment());

        MediaImage image = library.store(phoneJpeg, null, null);

        for (MediaVariant variant : image.variants()) {
            byte[] served = http.getBytes(variant.url()).body();
            for (String leak : new String[] {"Exif", "SpyPhone", "GPSLatitude", "police"}) {
                assertThat(TestImages.contains(served, leak)).as("%s in %s", leak, variant.url()).isFalse();
            }
        }
    }

    @Test
    void answersARepeatedRequestWithNotModified() throws Exception {
        MediaVariant variant = library.store(upload(500, 300), null, null).fallback();
        String etag = http.getBytes(variant.url()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = http.getBytes(variant.url(), "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(http.getBytes(variant.url(), "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownFilesWithNotFound() {
        assertThat(http.getBytes("/media/0123456789abcdef-480.jpg").statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/media/application.properties").statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/media/").statusCode()).isEqualTo(404);
    }

    @Test
    void neverServesAPathOutsideTheMediaFolder() {
        for (String path : new String[] {"/media/../etc/passwd", "/media/..%2F..%2Fetc%2Fpasswd",
                "/media/%2e%2e/iskra.mv.db", "/media/..", "/media/.%2e/.%2e/etc/passwd"}) {
            int status = http.getBytes(path).statusCode();
            assertThat(status).as(path).isIn(400, 404);
        }
        assertThat(http.getBytes("/media/../etc").statusCode()).isIn(400, 404);
    }

    private static byte[] upload(int width, int height) {
        return TestImages.jpeg(TestImages.photo(width, height, seed++ * 7919L + System.nanoTime()));
    }

    private byte[] blobBytes(String hash) {
        List<byte[]> pieces = jdbc.sql("select bytes from media_blob_chunk where hash = ? order by seq").param(hash)
                .query(byte[].class).list();
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        pieces.forEach(all::writeBytes);
        assertThat(jdbc.sql("select byte_size from media_blob where hash = ?").param(hash).query(Long.class).single())
                .isEqualTo(all.size());
        return all.toByteArray();
    }

    private long rowsWithHash(String hash) {
        return jdbc.sql("select count(*) from media where content_hash = ?").param(hash).query(Long.class).single();
    }

    private Map<Path, FileTime> filesOnDisk() throws Exception {
        Map<Path, FileTime> found = new HashMap<>();
        try (Stream<Path> listing = Files.list(files.folder())) {
            for (Path p : listing.collect(Collectors.toList())) {
                found.put(p, Files.getLastModifiedTime(p));
            }
        }
        return found;
    }
}
