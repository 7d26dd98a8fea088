package org.iskra.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Turns uploaded bytes into upright sRGB pixels, refusing anything that is not a JPEG, PNG, WebP or GIF, or that
 * would be too big to decode safely. Sizes are checked from the header before a single pixel is allocated, so a
 * small file that claims to be enormous (a decompression bomb) costs nothing.
 */
@Component
class ImageDecoder {

    static final long MAX_BYTES = 25L * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    // libwebp cannot encode a side longer than this; a variant is never longer than its original.
    static final int MAX_SIDE = 16_383;

    ImageDecoder() {
        // Registers plugins through the context class loader, which in the packaged jar is the one that sees them.
        ImageIO.scanForPlugins();
        for (String mime : new String[] {"image/jpeg", "image/png", "image/gif", "image/webp"}) {
            if (readerFor(mime).isEmpty()) {
                throw new IllegalStateException("No safe ImageIO reader for " + mime
                        + "; is com.twelvemonkeys.imageio:imageio-webp on the class path?");
            }
        }
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

    BufferedImage decode(byte[] bytes) throws UnsupportedImageException {
        checkSize(bytes);
        String mime = ImageFormat.sniff(bytes).orElseThrow(() -> unknownFormat(bytes));
        ImageReader reader = readerFor(mime).orElseThrow(() -> new UnsupportedImageException(
                UnsupportedImageException.UNSUPPORTED_FORMAT, "no reader for " + mime));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new UnsupportedImageException(UnsupportedImageException.DAMAGED,
                        "unreadable " + mime + " header: " + e, e);
            }
            checkDimensions(width, height);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage decoded;
            try {
                decoded = reader.read(0);
            } catch (IOException | RuntimeException e) {
                // Decoders signal truncated or corrupt data with all kinds of runtime exceptions.
                throw new UnsupportedImageException(UnsupportedImageException.DAMAGED,
                        "cannot decode " + mime + ": " + e, e);
            }
            /*
             * libjpeg fills the rest of a cut-off JPEG with grey and only warns ("premature end of data segment"):
             * that is an interrupted upload, not a picture. Its other warnings (extraneous bytes, a missing end
             * marker after complete data) are common in camera files that every browser shows, so they pass.
             */
            for (String warning : warnings) {
                if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new UnsupportedImageException(UnsupportedImageException.DAMAGED,
                            "incomplete " + mime + ": " + warning);
                }
            }
            BufferedImage srgb = toSrgb(decoded);
            return "image/jpeg".equals(mime) ? orient(srgb, ExifOrientation.of(bytes)) : srgb;
        } catch (IOException e) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED, "cannot read " + mime + ": " + e, e);
        } finally {
            reader.dispose();
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

    /*
     * Only readers that are written in Java or ship with the JDK see uploaded bytes. The WebP encoder's jar also
     * registers a reader backed by its bundled native libwebp; a flaw there would corrupt memory, not just throw.
     */
    private static Optional<ImageReader> readerFor(String mime) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mime);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!reader.getClass().getName().startsWith("com.luciad.")) {
                return Optional.of(reader);
            }
            reader.dispose();
        }
        return Optional.empty();
    }

    private static UnsupportedImageException unknownFormat(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                String format = reader.getFormatName();
                reader.dispose();
                return new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_FORMAT,
                        "image format not accepted: " + format);
            }
        } catch (IOException | RuntimeException ignored) {
            // falls through: not something ImageIO understands either
        }
        return new UnsupportedImageException(UnsupportedImageException.NOT_AN_IMAGE, "not a JPEG, PNG, WebP or GIF");
    }

    /*
     * Every later step works on 8-bit sRGB in one of Java2D's standard layouts, with alpha when the source has
     * it. A JPEG or PNG already in such a layout is kept as decoded: for a 40-megapixel photo a copy would cost
     * another 160 MB. Colour-managed sources (Adobe RGB, Display P3, CMYK turned RGB by the JPEG plugin) are
     * converted, since variants carry no profile and browsers show untagged images as sRGB. Grey images are
     * copied as they are: Java's grey colour space is linear, but the stored values are gamma-encoded like sRGB,
     * and a colour conversion would wash them out.
     */
    static BufferedImage toSrgb(BufferedImage src) {
        boolean alpha = src.getColorModel().hasAlpha();
        int type = src.getType();
        boolean standard = alpha ? type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR
                : type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR;
        if (standard) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        ColorSpace space = src.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            Graphics2D g = out.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
            g.dispose();
        } else {
            new ColorConvertOp(null).filter(src, out);
        }
        return out;
    }

    /** Turns pixels as EXIF orientation 1–8 says; {@code image} has one of the standard types {@link #toSrgb} keeps. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= ExifOrientation.NORMAL || orientation > 8) {
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
}
