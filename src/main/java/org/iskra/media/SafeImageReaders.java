package org.iskra.media;

import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * The image readers uploaded bytes may meet. Only readers that are written in Java or ship with the JDK see them:
 * the WebP encoder's jar also registers a reader backed by its bundled native libwebp, and a flaw there would
 * corrupt memory, not just throw.
 */
final class SafeImageReaders {

    static final String[] ACCEPTED = {"image/jpeg", "image/png", "image/gif", "image/webp"};

    private SafeImageReaders() {
    }

    /** Fails unless every accepted format has a safe reader on the class path. */
    static void checkAvailable() {
        // Registers plugins through the context class loader, which in the packaged jar is the one that sees them.
        ImageIO.scanForPlugins();
        for (String mime : ACCEPTED) {
            if (readerFor(mime).isEmpty()) {
                throw new IllegalStateException("No safe ImageIO reader for " + mime
                        + "; is com.twelvemonkeys.imageio:imageio-webp on the class path?");
            }
        }
    }

    /** A fresh reader for the format; the caller disposes of it. */
    static ImageReader reader(String mime) throws UnsupportedImageException {
        return readerFor(mime).orElseThrow(() -> new UnsupportedImageException(
                UnsupportedImageException.UNSUPPORTED_FORMAT, "no reader for " + mime));
    }

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

    /** Why bytes of none of the accepted formats are refused: another image format, or no image at all. */
    static UnsupportedImageException unknownFormat(byte[] bytes) {
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
}
