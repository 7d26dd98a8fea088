package org.iskra.media;

import java.awt.image.BufferedImage;

/**
 * Decoded pixels, not yet turned upright: variants are scaled first and turned after, which copies a variant
 * rather than the whole decoded image.
 *
 * @param pixels  sRGB in a standard Java2D type ({@link SrgbPixels}), as stored in the file, possibly subsampled
 * @param width   the original's width as shown, which variants take their aspect ratio from: rounding up the
 *                subsampled sides can make the decoded one differ by a pixel
 */
record DecodedImage(BufferedImage pixels, int orientation, int width, int height) {

    /** The decoded pixels' width as shown. */
    int decodedWidth() {
        return orientation >= 5 ? pixels.getHeight() : pixels.getWidth();
    }

    BufferedImage upright() {
        return ExifOrientation.apply(pixels, orientation);
    }
}
