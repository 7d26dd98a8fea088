package org.iskra.media;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps this node's variant cache within {@code iskra.media.cache-max}, every node for itself. */
@Component
class MediaCacheTrim {

    private static final Logger log = LoggerFactory.getLogger(MediaCacheTrim.class);

    private final MediaFiles cache;
    private final MediaProperties properties;

    MediaCacheTrim(MediaFiles cache, MediaProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${iskra.media.cache-trim-interval:10m}", initialDelayString = "${iskra.media.cache-trim-interval:10m}")
    void trim() {
        try {
            long freed = cache.trim(properties.cacheMax().toBytes());
            if (freed > 0) {
                log.info("Media cache {}: removed {} MB of the variants served longest ago", cache.folder(), freed >> 20);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not trim the media cache {}", cache.folder(), e);
        }
    }
}
