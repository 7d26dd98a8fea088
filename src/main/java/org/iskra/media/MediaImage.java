package org.iskra.media;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A stored image with its variants, sorted by width ascending (JPEG before WebP at the same width). */
public record MediaImage(long id, String hash, int width, int height, String credit, String creditLink,
                         List<MediaVariant> variants) {

    // The widest variant a page gets in <img src>: browsers that ignore srcset are the old and slow ones.
    private static final int FALLBACK_MAX_WIDTH = 1200;

    public MediaImage {
        variants = variants.stream()
                .sorted(Comparator.comparingInt(MediaVariant::width).thenComparing(MediaVariant::format))
                .toList();
    }

    public List<MediaVariant> variants(String format) {
        return variants.stream().filter(v -> v.format().equals(format)).toList();
    }

    public MediaVariant fallback() {
        List<MediaVariant> jpegs = variants(MediaVariant.JPEG);
        if (jpegs.isEmpty()) {
            throw new IllegalStateException("media " + id + " has no JPEG variant");
        }
        MediaVariant chosen = jpegs.get(0);
        for (MediaVariant v : jpegs) {
            if (v.width() <= FALLBACK_MAX_WIDTH) {
                chosen = v;
            }
        }
        return chosen;
    }

    public String srcset(String format) {
        return variants(format).stream()
                .map(v -> v.url() + " " + v.width() + "w")
                .collect(Collectors.joining(", "));
    }
}
