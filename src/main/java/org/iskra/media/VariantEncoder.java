package org.iskra.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Re-encodes decoded pixels into the widths pages ask for, as JPEG and WebP. The encoders get bare pixels, so no
 * metadata (EXIF, GPS, XMP, comments, ICC profiles) can survive into a variant.
 */
@Component
class VariantEncoder {

    static final int[] WIDTHS = {480, 800, 1200, 1600};
    static final int MAX_WIDTH = WIDTHS[WIDTHS.length - 1];
    private static final float JPEG_QUALITY = 0.82f;
    private static final float WEBP_QUALITY = 0.80f;

    /** One encoded rendition, not yet named or stored. */
    record Encoded(int width, int height, String format, byte[] bytes) {
    }

    VariantEncoder() {
        ImageIO.scanForPlugins();
        // Fails at start-up, not at the first upload, when the WebP encoder's native library cannot load
        // (for example when java.io.tmpdir is mounted noexec: set -Dcom.luciad.imageio.webp.tmpdir).
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        encodeWebp(pixel);
        encodeJpeg(pixel);
    }

    /** The variant widths for an original this wide: never wider than the original, never wider than 1600. */
    static List<Integer> widthsFor(int originalWidth) {
        TreeSet<Integer> widths = new TreeSet<>();
        for (int w : WIDTHS) {
            if (w < originalWidth) {
                widths.add(w);
            }
        }
        widths.add(Math.min(originalWidth, WIDTHS[WIDTHS.length - 1]));
        return List.copyOf(widths);
    }

    /** {@code image} is upright, at its original size, and sRGB in a standard Java2D type (see SrgbPixels). */
    List<Encoded> encode(BufferedImage image) {
        return encode(new DecodedImage(image, ExifOrientation.NORMAL, image.getWidth(), image.getHeight()));
    }

    /**
     * Every variant has the original's aspect ratio, whatever rounding did to the decoded pixels' one. The widest
     * variant is scaled from the decoded pixels, which this method then drops: hand it the only reference to them
     * ({@code encode(decoder.decode(bytes))}) and they can be collected before any variant is encoded, which
     * roughly halves the heap a photo needs that was decoded whole. The narrower variants are scaled from the
     * widest, and each is turned upright only once scaled, copying far fewer pixels than turning the decoded ones.
     */
    List<Encoded> encode(DecodedImage image) {
        int orientation = image.orientation();
        boolean turned = orientation >= 5;
        int originalWidth = image.width();
        int originalHeight = image.height();
        // The decoded pixels are at least as wide as the widest variant (see DecodePlan.subsampling); should a
        // reader ever return fewer, the variants stop at its width rather than being scaled up.
        List<Integer> widths = widthsFor(Math.min(originalWidth, image.decodedWidth()));
        BufferedImage widest = scale(image.pixels(), widths.get(widths.size() - 1), originalWidth, originalHeight,
                turned);
        image = null; // drops the decoded pixels: nothing below may refer to them
        List<Encoded> out = new ArrayList<>();
        for (int i = widths.size() - 1; i >= 0; i--) {
            BufferedImage scaled = i == widths.size() - 1 ? widest
                    : scale(widest, widths.get(i), originalWidth, originalHeight, turned);
            BufferedImage upright = ExifOrientation.apply(scaled, orientation);
            out.add(new Encoded(upright.getWidth(), upright.getHeight(), MediaVariant.JPEG, encodeJpeg(upright)));
            out.add(new Encoded(upright.getWidth(), upright.getHeight(), MediaVariant.WEBP, encodeWebp(upright)));
        }
        out.sort(Comparator.comparingInt(Encoded::width)); // stable: JPEG before WebP at each width
        return out;
    }

    /**
     * {@code image} scaled to {@code width} as shown, with the original's aspect ratio; still as stored, so with
     * width and height swapped when it is {@code turned}.
     */
    private static BufferedImage scale(BufferedImage image, int width, int originalWidth, int originalHeight,
                                       boolean turned) {
        int height = (int) Math.max(1, Math.round((double) originalHeight * width / originalWidth));
        int storedWidth = turned ? height : width;
        int storedHeight = turned ? width : height;
        if (storedWidth == image.getWidth() && storedHeight == image.getHeight()) {
            return image;
        }
        try {
            return Thumbnails.of(image).forceSize(storedWidth, storedHeight).imageType(image.getType())
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scale an image in memory", e);
        }
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = firstWriter(ImageIO.getImageWritersByMIMEType("image/jpeg"), "image/jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        // Progressive: a slow connection shows the whole picture early, then sharpens it.
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return write(writer, param, opaque(image));
    }

    private static byte[] encodeWebp(BufferedImage image) {
        ImageWriter writer = firstWriter(ImageIO.getImageWritersByMIMEType("image/webp"), "image/webp");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        if (!Arrays.asList(param.getCompressionTypes()).contains("Lossy")) {
            throw new IllegalStateException("WebP writer " + writer.getClass().getName() + " cannot write lossy WebP");
        }
        param.setCompressionType("Lossy");
        param.setCompressionQuality(WEBP_QUALITY);
        return write(writer, param, image);
    }

    private static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            // No stream or image metadata: the writer writes only what the format requires.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an image in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** JPEG has no transparency: transparent areas become white, as they look on a page. */
    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static ImageWriter firstWriter(Iterator<ImageWriter> writers, String mime) {
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + mime);
        }
        return writers.next();
    }
}
