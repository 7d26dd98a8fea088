package org.iskra.media;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where media bytes live ({@code ISKRA_MEDIA_STORE}: {@code database}, the default, or {@code s3}) and how much of
 * this node's disk caches the variants it served.
 */
@Validated
@ConfigurationProperties("iskra.media")
record MediaProperties(@NotNull Store store, @NotNull DataSize cacheMax, @NotNull S3 s3) {

    enum Store {
        DATABASE, S3
    }

    /**
     * An S3-compatible object store. {@code endpoint} empty means AWS itself (the region picks the endpoint);
     * {@code pathStyle} addresses buckets as {@code endpoint/bucket/key}, which most S3-compatible servers need.
     */
    record S3(URI endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
              boolean pathStyle) {

        S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            prefix = prefix == null ? "" : prefix;
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        }

        boolean configured() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
