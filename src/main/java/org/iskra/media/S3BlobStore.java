package org.iskra.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Blobs as objects in an S3-compatible bucket, one object per blob named by its hash (after the configured
 * prefix). The objects are written once and never changed, so no versioning or locking is needed; the bucket
 * should stay private, since nodes serve the bytes themselves.
 */
final class S3BlobStore implements BlobStore {

    static final String LOCATION = "s3";

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    S3BlobStore(MediaProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // S3-compatible servers often read neither aws-chunked bodies nor the trailing checksums the SDK
                // sends by default (s3rver stored the chunk framing as the object): plain bodies, checksums only
                // where the API requires them
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.client = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
    }

    private static AwsCredentialsProvider credentials(MediaProperties.S3 settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            // the SDK's usual chain: AWS_ACCESS_KEY_ID, ~/.aws/credentials, an instance role
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public String location() {
        return LOCATION;
    }

    /**
     * Through a temporary file: a signed request reads its body twice (once for the signature), and a file can be
     * read again without holding a 25 MB original in the heap.
     */
    @Override
    public void put(String hash, long size, InputStream in) {
        Path temp = null;
        try {
            temp = Files.createTempFile("iskra-blob-", ".part");
            long copied = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            if (copied != size) {
                throw new IllegalStateException("media blob " + hash + " has " + copied + " bytes, not " + size);
            }
            client.putObject(request -> request.bucket(bucket).key(prefix + hash).contentLength(size)
                    .contentType("application/octet-stream"), RequestBody.fromFile(temp));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage media blob " + hash + " for the object store", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary folder is cleaned by the system
                }
            }
        }
    }

    @Override
    public InputStream open(String hash, long size) {
        return client.getObject(request -> request.bucket(bucket).key(prefix + hash));
    }
}
