package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ISKRA_MEDIA_STORE=s3} against a real S3-compatible server: s3rver (npm, installed by {@code npm ci} with the
 * browser tests' tools), in a process of its own, speaking the S3 API over HTTP with signed requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MediaStoreTest {

    private static final String BUCKET = "iskra-media";
    // s3rver's fixed credentials
    private static final String KEY = "S3RVER";

    Process s3rver;
    int s3Port;
    Path objects;
    ConfigurableApplicationContext node;

    @BeforeAll
    void startTheObjectStore() throws Exception {
        Path cli = Path.of("node_modules", "s3rver", "bin", "s3rver.js").toAbsolutePath();
        assertThat(cli).as("s3rver is installed by npm ci").exists();
        objects = Files.createDirectories(TestDatabase.freshDataFolder());
        s3Port = Await.freePort();
        s3rver = new ProcessBuilder("node", cli.toString(), "--directory", objects.toString(), "--address", "127.0.0.1",
                "--port", String.valueOf(s3Port), "--configure-bucket", BUCKET, "--silent")
                .redirectErrorStream(true).redirectOutput(objects.resolveSibling(objects.getFileName() + "-s3rver.log").toFile())
                .start();
        Await.until("s3rver to listen", Duration.ofSeconds(30), () -> {
            try (var socket = new java.net.Socket("127.0.0.1", s3Port)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        node = start(TestDatabase.freshDataFolder(), "s3");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (s3rver != null) {
            s3rver.destroy();
        }
    }

    @Test
    void storesOriginalsAndVariantsInTheBucketServesThemAndBacksThemUp() throws Exception {
        MediaLibrary library = node.getBean(MediaLibrary.class);
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        byte[] original = TestImages.jpeg(TestImages.photo(900, 600, 77));

        MediaImage image = library.store(original, "Photo", null);

        String originalHash = jdbc.sql("select original_hash from media where id = ?").param(image.id()).query(String.class).single();
        assertThat(jdbc.sql("select location from media_blob where hash = ?").param(originalHash).query(String.class).single())
                .isEqualTo("s3");
        assertThat(jdbc.sql("select count(*) from media_blob_chunk").query(Long.class).single())
                .as("no bytes in the database").isZero();
        try (S3Client s3 = client(); InputStream object = s3.getObject(r -> r.bucket(BUCKET).key("test/" + originalHash))) {
            assertThat(object.readAllBytes()).as("the original, as an object named by its hash").isEqualTo(original);
        }

        Path cache = node.getBean(MediaFiles.class).folder();
        try (var cached = Files.list(cache)) {
            cached.forEach(node.getBean(MediaFiles.class)::deleteQuietly);
        }
        Http http = new Http(((WebServerApplicationContext) node).getWebServer().getPort());
        List<byte[]> served = new ArrayList<>();
        for (MediaVariant variant : image.variants()) {
            var answer = http.getBytes(variant.url());
            assertThat(answer.statusCode()).as("read from the bucket").isEqualTo(200);
            served.add(answer.body());
        }

        MediaArchive archive = node.getBean(MediaArchive.class);
        assertThat(archive.blobs()).contains(originalHash);
        java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        assertThat(archive.copy(originalHash, copy)).isTrue();
        assertThat(copy.toByteArray()).as("what a backup writes").isEqualTo(original);
        assertThat(served).allSatisfy(bytes -> assertThat(bytes).isNotEmpty());
    }

    private ConfigurableApplicationContext start(Path data, String store) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--iskra.demo=false", "--iskra.data=" + data,
                "--iskra.media.store=" + store, "--iskra.media.s3.endpoint=http://127.0.0.1:" + s3Port,
                "--iskra.media.s3.bucket=" + BUCKET, "--iskra.media.s3.prefix=test/",
                "--iskra.media.s3.access-key=" + KEY, "--iskra.media.s3.secret-key=" + KEY));
        TestDatabase.databaseSettings().forEach((name, value) -> settings.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(IskraApplication.class).run(settings.toArray(String[]::new));
    }

    private S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Port)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, KEY))).build();
    }
}
