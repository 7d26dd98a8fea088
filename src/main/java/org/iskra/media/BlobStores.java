package org.iskra.media;

import org.springframework.stereotype.Component;

/**
 * The store new blobs go to ({@code iskra.media.store}) and the store for each location a blob may name. The object
 * store client is only made, and the AWS SDK only loaded, once a blob lives there or is written there.
 */
@Component
class BlobStores {

    private final DatabaseBlobStore database;
    private final MediaProperties properties;
    private volatile BlobStore s3;

    BlobStores(DatabaseBlobStore database, MediaProperties properties) {
        this.database = database;
        this.properties = properties;
        if (properties.store() == MediaProperties.Store.S3 && !properties.s3().configured()) {
            throw new IllegalStateException("ISKRA_MEDIA_STORE=s3 needs ISKRA_MEDIA_S3_BUCKET (and the endpoint and"
                    + " credentials of the object store)");
        }
    }

    BlobStore forWriting() {
        return properties.store() == MediaProperties.Store.S3 ? s3() : database;
    }

    BlobStore at(String location) {
        if (DatabaseBlobStore.LOCATION.equals(location)) {
            return database;
        }
        if (S3BlobStore.LOCATION.equals(location)) {
            return s3();
        }
        throw new IllegalStateException("unknown media location " + location);
    }

    private BlobStore s3() {
        BlobStore store = s3;
        if (store == null) {
            synchronized (this) {
                if (s3 == null) {
                    if (!properties.s3().configured()) {
                        throw new IllegalStateException("media are stored in S3, but ISKRA_MEDIA_S3_BUCKET is not set");
                    }
                    s3 = new S3BlobStore(properties.s3());
                }
                store = s3;
            }
        }
        return store;
    }
}
