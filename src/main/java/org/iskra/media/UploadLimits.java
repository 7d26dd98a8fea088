package org.iskra.media;

/**
 * How big an upload may be: in bytes, checked before anything is read, and in pixels, checked from the header
 * before a single pixel is allocated, so a small file that claims to be enormous (a decompression bomb) costs
 * nothing.
 */
final class UploadLimits {

    static final long MAX_BYTES = 25L * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    // libwebp cannot encode a side longer than this; a variant is never longer than its original.
    static final int MAX_SIDE = 16_383;

    private UploadLimits() {
    }

    static void checkSize(byte[] bytes) throws UnsupportedImageException {
        if (bytes == null || bytes.length == 0) {
            throw new UnsupportedImageException(UnsupportedImageException.NOT_AN_IMAGE, "empty upload");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnsupportedImageException(UnsupportedImageException.TOO_LARGE,
                    bytes.length + " bytes, over the limit of " + MAX_BYTES);
        }
    }

    static void checkDimensions(long width, long height) throws UnsupportedImageException {
        if (width <= 0 || height <= 0) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED, "no size: " + width + "×" + height);
        }
        if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
            throw new UnsupportedImageException(UnsupportedImageException.TOO_MANY_PIXELS,
                    width + "×" + height + " is over " + MAX_PIXELS + " pixels or " + MAX_SIDE + " per side");
        }
    }
}
