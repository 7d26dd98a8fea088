package org.iskra.media;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the EXIF orientation tag of a JPEG, and turns pixels as it says. Phones store pixels as the sensor saw
 * them and record the turn in this tag; since the variants carry no metadata, the turn has to be applied to the
 * pixels.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    /** Turns pixels as EXIF orientation 1–8 says; {@code image} has one of the standard types {@link SrgbPixels} keeps. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        double w = image.getWidth();
        double h = image.getHeight();
        // Maps (x, y) of the stored image to where that point is shown; arguments are m00, m10, m01, m11, m02, m12.
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);    // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);   // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);    // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);     // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);    // turned 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);   // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w);   // 8: turned 90° counter-clockwise
        };
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? image.getHeight() : image.getWidth(),
                swap ? image.getWidth() : image.getHeight(), image.getType());
        // Nearest neighbour with whole-pixel turns moves every pixel exactly, without blurring.
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, out);
    }

    /** The orientation 1–8 from the first EXIF segment; {@link #NORMAL} when absent or unreadable. */
    static int of(byte[] jpeg) {
        try {
            int pos = 2; // after SOI
            while (pos + 4 <= jpeg.length) {
                if ((jpeg[pos] & 0xFF) != 0xFF) {
                    return NORMAL;
                }
                int marker = jpeg[pos + 1] & 0xFF;
                if (marker == 0xFF) { // fill byte
                    pos++;
                    continue;
                }
                if (marker == 0xDA || marker == 0xD9) { // start of scan or end of image: no more headers
                    return NORMAL;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                    pos += 2;
                    continue;
                }
                int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
                int payload = pos + 4;
                int end = pos + 2 + length;
                if (length < 2 || end > jpeg.length) {
                    return NORMAL;
                }
                if (marker == 0xE1 && startsWith(jpeg, payload, end, EXIF_HEADER)) {
                    int tiff = payload + EXIF_HEADER.length;
                    return fromTiff(ByteBuffer.wrap(jpeg, tiff, end - tiff).slice());
                }
                pos = end;
            }
        } catch (RuntimeException unreadable) {
            // A broken EXIF block must not block the upload; the image is then shown as stored.
        }
        return NORMAL;
    }

    private static int fromTiff(ByteBuffer tiff) {
        if (tiff.remaining() < 8) {
            return NORMAL;
        }
        short byteOrder = tiff.getShort(0);
        if (byteOrder == 0x4949) {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (byteOrder != 0x4D4D) {
            return NORMAL;
        }
        if (tiff.getShort(2) != 42) {
            return NORMAL;
        }
        int ifd = tiff.getInt(4);
        if (ifd < 8 || ifd + 2 > tiff.limit()) {
            return NORMAL;
        }
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > tiff.limit()) {
                return NORMAL;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == TAG_ORIENTATION && (tiff.getShort(entry + 2) & 0xFFFF) == TYPE_SHORT) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static boolean startsWith(byte[] bytes, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
