package org.iskra.media;

/** One re-encoded rendition of a {@link MediaImage}, served at {@link #url()}. */
public record MediaVariant(int width, int height, String format, String fileName) {

    static final String JPEG = "jpeg";
    static final String WEBP = "webp";

    public MediaVariant {
        if (!JPEG.equals(format) && !WEBP.equals(format)) {
            throw new IllegalArgumentException("format must be jpeg or webp: " + format);
        }
    }

    public String url() {
        return "/media/" + fileName;
    }

    public String mimeType() {
        return JPEG.equals(format) ? "image/jpeg" : "image/webp";
    }
}
