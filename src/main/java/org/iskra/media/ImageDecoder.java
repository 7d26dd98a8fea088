package org.iskra.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded bytes into sRGB pixels, refusing anything that is not a JPEG, PNG, WebP or GIF, or that would be
 * too big to decode safely ({@link UploadLimits}). What decoding will take is planned from the header first
 * ({@link DecodePlan}), large originals are decoded subsampled, only safe readers see the bytes
 * ({@link SafeImageReaders}), and the pixels come out in a standard layout ({@link SrgbPixels}), not yet turned
 * upright ({@link DecodedImage}).
 */
@Component
class ImageDecoder {

    ImageDecoder() {
        SafeImageReaders.checkAvailable();
    }

    /** What {@link #decode} would do with these bytes, from their header; throws what it would throw for it. */
    DecodePlan plan(byte[] bytes) throws UnsupportedImageException {
        UploadLimits.checkSize(bytes);
        String mime = ImageFormat.sniff(bytes).orElseThrow(() -> SafeImageReaders.unknownFormat(bytes));
        ImageReader reader = SafeImageReaders.reader(mime);
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            return plan(reader, mime, bytes);
        } catch (IOException e) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED, "cannot read " + mime + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }

    DecodedImage decode(byte[] bytes) throws UnsupportedImageException {
        UploadLimits.checkSize(bytes);
        String mime = ImageFormat.sniff(bytes).orElseThrow(() -> SafeImageReaders.unknownFormat(bytes));
        ImageReader reader = SafeImageReaders.reader(mime);
        // Reads the caller's array in place; a MemoryCacheImageInputStream would copy all of it once more.
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            DecodePlan plan = plan(reader, mime, bytes);
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
            return new DecodedImage(SrgbPixels.of(decoded), plan.orientation(), plan.width(), plan.height());
        } catch (IOException e) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED, "cannot read " + mime + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }

    private static DecodePlan plan(ImageReader reader, String mime, byte[] bytes) throws UnsupportedImageException {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedImageException(UnsupportedImageException.DAMAGED,
                    "unreadable " + mime + " header: " + e, e);
        }
        UploadLimits.checkDimensions(width, height);
        int orientation = "image/jpeg".equals(mime) ? ExifOrientation.of(bytes) : ExifOrientation.NORMAL;
        return DecodePlan.of(mime, width, height, orientation);
    }
}
