package org.iskra.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded bytes into sRGB pixels, refusing anything that is not a JPEG, PNG, WebP or GIF, or that would be
 * too big to decode safely. Sizes are checked from the header before a single pixel is allocated, so a small file
 * that claims to be enormous (a decompression bomb) costs nothing.
 *
 * <p>No variant is wider than {@link VariantEncoder#MAX_WIDTH}, so a large original is decoded with only every
 * n-th pixel across and down ({@link #subsampling}): a 40-megapixel photo is decoded about 1600 pixels wide, and
 * storing it takes about 18 MB of heap instead of about 270 MB.
 */
@Component
class ImageDecoder {

    static final long MAX_BYTES = 25L * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    // libwebp cannot encode a side longer than this; a variant is never longer than its original.
    static final int MAX_SIDE = 16_383;

    /**
     * What decoding an upload will allocate, known from its header before a pixel is decoded.
     *
     * @param storedWidth  the width of the pixels in the file, before the EXIF turn
     * @param orientation  EXIF orientation 1–8; only JPEGs carry one here, other formats are shown as stored
     * @param subsampling  one pixel is decoded out of every {@code subsampling} across and down
     */
    record Plan(String mime, int storedWidth, int storedHeight, int orientation, int subsampling) {

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
    }

    /**
     * Decoded pixels, not yet turned upright: variants are scaled first and turned after, which copies a variant
     * rather than the whole decoded image.
     *
     * @param pixels  sRGB in a standard Java2D type ({@link #toSrgb}), as stored in the file, possibly subsampled
     * @param width   the original's width as shown, which variants take their aspect ratio from: rounding up the
     *                subsampled sides can make the decoded one differ by a pixel
     */
    record Decoded(BufferedImage pixels, int orientation, int width, int height) {

        /** The decoded pixels' width as shown. */
        int decodedWidth() {
            return orientation >= 5 ? pixels.getHeight() : pixels.getWidth();
        }

        BufferedImage upright() {
            return orient(pixels, orientation);
        }
    }

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

    /** What {@link #decode} would do with these bytes, from their header; throws what it would throw for it. */
    Plan plan(byte[] bytes) throws UnsupportedImageException {
        checkSize(bytes);
        String mime = ImageFormat.sniff(bytes).orElseThrow(() -> unknownFormat(bytes));
        ImageReader reader = reader(mime);
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            return plan(reader, mime, bytes);
        } catch (IOException e) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED, "cannot read " + mime + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }

    Decoded decode(byte[] bytes) throws UnsupportedImageException {
        checkSize(bytes);
        String mime = ImageFormat.sniff(bytes).orElseThrow(() -> unknownFormat(bytes));
        ImageReader reader = reader(mime);
        // Reads the caller's array in place; a MemoryCacheImageInputStream would copy all of it once more.
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            Plan plan = plan(reader, mime, bytes);
            ImageReadParam param = reader.getDefaultReadParam();
            // Every reader honours subsampling (ImageReadParam requires it) and allocates only the subsampled
            // image. TwelveMonkeys' WebP reader still keeps state for every 16 × 16 block of the original, so a
            // large WebP takes more heap and time than a JPEG of the same size.
            param.setSourceSubsampling(plan.subsampling(), plan.subsampling(), 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage decoded;
            try {
                decoded = reader.read(0, param);
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
            return new Decoded(toSrgb(decoded), plan.orientation(), plan.width(), plan.height());
        } catch (IOException e) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED, "cannot read " + mime + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }

    private static Plan plan(ImageReader reader, String mime, byte[] bytes) throws UnsupportedImageException {
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
        int orientation = "image/jpeg".equals(mime) ? ExifOrientation.of(bytes) : ExifOrientation.NORMAL;
        int shownWidth = orientation >= 5 ? height : width;
        return new Plan(mime, width, height, orientation, subsampling(shownWidth));
    }

    private static ImageReader reader(String mime) throws UnsupportedImageException {
        return readerFor(mime).orElseThrow(() -> new UnsupportedImageException(
                UnsupportedImageException.UNSUPPORTED_FORMAT, "no reader for " + mime));
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
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
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
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
     * it. A JPEG or PNG already in such a layout is kept as decoded: a copy would double the heap the decoded
     * pixels take. Colour-managed sources (Adobe RGB, Display P3, CMYK turned RGB by the JPEG plugin) are
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
