package org.iskra.media;

import java.io.InputStream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

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

    @Override
    public void put(String hash, long size, InputStream in) {
        client.putObject(request -> request.bucket(bucket).key(prefix + hash).contentLength(size)
                .contentType("application/octet-stream"), RequestBody.fromInputStream(in, size));
    }

    @Override
    public InputStream open(String hash, long size) {
        return client.getObject(request -> request.bucket(bucket).key(prefix + hash));
    }
}
