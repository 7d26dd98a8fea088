package org.iskra.media;

/**
 * What decoding an upload will allocate, known from its header before a pixel is decoded.
 *
 * <p>No variant is wider than {@link VariantEncoder#MAX_WIDTH}, so a large original is decoded with only every
 * n-th pixel across and down ({@link #subsampling(int)}): a 40-megapixel photo is decoded about 1600 pixels wide,
 * and storing it takes about 18 MB of heap instead of about 270 MB.
 *
 * @param storedWidth  the width of the pixels in the file, before the EXIF turn
 * @param orientation  EXIF orientation 1–8; only JPEGs carry one here, other formats are shown as stored
 * @param subsampling  one pixel is decoded out of every {@code subsampling} across and down
 */
record DecodePlan(String mime, int storedWidth, int storedHeight, int orientation, int subsampling) {

    /** The plan for an image of these stored sides and orientation: subsampled by the width it is shown at. */
    static DecodePlan of(String mime, int storedWidth, int storedHeight, int orientation) {
        int shownWidth = orientation >= 5 ? storedHeight : storedWidth;
        return new DecodePlan(mime, storedWidth, storedHeight, orientation, subsampling(shownWidth));
    }

    boolean turned() {
        return orientation >= 5;
    }

    /** The original's width as shown, after the EXIF turn. */
    int width() {
        return turned() ? storedHeight : storedWidth;
    }

    int height() {
        return turned() ? storedWidth : storedHeight;
    }

    long decodedPixels() {
        return (long) ceilDiv(storedWidth, subsampling) * ceilDiv(storedHeight, subsampling);
    }

    /**
     * An upper estimate of the heap that decoding and encoding this image needs at its peak: the decoded
     * pixels, a same-sized copy when they are not in a standard sRGB layout, and the widest variant a few
     * times over (scaled, turned, and copied by the encoders). Measured peaks are 35–80% of it.
     */
    long heapBytes() {
        long variantWidth = Math.min(width(), VariantEncoder.MAX_WIDTH);
        long variantPixels = variantWidth * Math.max(1, Math.round((double) height() * variantWidth / width()));
        return 8 * decodedPixels() + 16 * variantPixels;
    }

    /**
     * One pixel out of every n across and down, for an original shown {@code width} pixels wide. Up to twice the
     * widest variant everything is decoded; beyond, the largest n that still leaves the decoded image at least as
     * wide as the widest variant, so that every variant is scaled down from it, never up. The height needs no
     * bound of its own: variants are sized by width, and their heights follow the original's aspect ratio.
     *
     * <p>Subsampling picks pixels without averaging them. Photos barely differ from decoding everything and
     * scaling down, but fine regular patterns (fabric, screens, brickwork, hatching) can turn into moiré; the
     * JDK's decoders offer no filtered reduction that would avoid it without decoding every pixel.
     */
    static int subsampling(int width) {
        int target = VariantEncoder.MAX_WIDTH;
        if (width <= 2 * target) {
            return 1;
        }
        int n = width / target;
        while (ceilDiv(width, n + 1) >= target) {
            n++;
        }
        return n;
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
