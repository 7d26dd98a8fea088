package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import org.junit.jupiter.api.Test;

class VariantEncoderTest {

    private final ImageDecoder decoder = new ImageDecoder();
    private final VariantEncoder encoder = new VariantEncoder();

    @Test
    void neverUpscalesAndNeverGoesBeyond1600() {
        assertThat(VariantEncoder.widthsFor(300)).containsExactly(300);
        assertThat(VariantEncoder.widthsFor(480)).containsExactly(480);
        assertThat(VariantEncoder.widthsFor(1000)).containsExactly(480, 800, 1000);
        assertThat(VariantEncoder.widthsFor(1200)).containsExactly(480, 800, 1200);
        assertThat(VariantEncoder.widthsFor(1600)).containsExactly(480, 800, 1200, 1600);
        assertThat(VariantEncoder.widthsFor(6000)).containsExactly(480, 800, 1200, 1600);
    }

    @Test
    void encodesEveryWidthAsJpegAndWebpKeepingTheAspectRatio() throws Exception {
        List<VariantEncoder.Encoded> variants = encoder.encode(TestImages.photo(1000, 650));

        assertThat(variants).extracting(VariantEncoder.Encoded::width, VariantEncoder.Encoded::format)
                .containsExactly(
                        tuple(480, "jpeg"), tuple(480, "webp"),
                        tuple(800, "jpeg"), tuple(800, "webp"),
                        tuple(1000, "jpeg"), tuple(1000, "webp"));
        for (VariantEncoder.Encoded variant : variants) {
            BufferedImage decoded = decodeWithTwelveMonkeys(variant);
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height())
                    .isEqualTo((int) Math.round(650.0 * variant.width() / 1000));
        }
    }

    @Test
    void takesVariantHeightsFromTheOriginalNotFromRoundedSubsampledPixels() throws Exception {
        // 8000 × 5001 with every fifth pixel decoded: 1600 × 1001, since the last row is sampled too.
        BufferedImage subsampled = TestImages.markedCorners(1600, 1001, BufferedImage.TYPE_3BYTE_BGR);

        List<VariantEncoder.Encoded> variants = encoder.encode(
                new DecodedImage(subsampled, ExifOrientation.NORMAL, 8000, 5001));

        assertThat(variants).extracting(VariantEncoder.Encoded::width, VariantEncoder.Encoded::height)
                .containsExactly(tuple(480, 300), tuple(480, 300), tuple(800, 500), tuple(800, 500),
                        tuple(1200, 750), tuple(1200, 750), tuple(1600, 1000), tuple(1600, 1000));
        for (VariantEncoder.Encoded variant : variants) {
            BufferedImage decoded = decodeWithTwelveMonkeys(variant);
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height());
        }
    }

    @Test
    void scalesTurnedPixelsBeforeTurningThemUpright() throws Exception {
        // Shown 5000 × 8000, stored turned and decoded as every third pixel: 2667 × 1667 as stored.
        BufferedImage stored = TestImages.markedCorners(2667, 1667, BufferedImage.TYPE_3BYTE_BGR);

        List<VariantEncoder.Encoded> variants = encoder.encode(new DecodedImage(stored, 6, 5000, 8000));

        assertThat(variants).extracting(VariantEncoder.Encoded::width, VariantEncoder.Encoded::height)
                .containsExactly(tuple(480, 768), tuple(480, 768), tuple(800, 1280), tuple(800, 1280),
                        tuple(1200, 1920), tuple(1200, 1920), tuple(1600, 2560), tuple(1600, 2560));
        for (VariantEncoder.Encoded variant : variants) {
            BufferedImage shown = decodeWithTwelveMonkeys(variant);
            assertThat(shown.getWidth()).isEqualTo(variant.width());
            assertThat(shown.getHeight()).isEqualTo(variant.height());
            // Turned clockwise: the stored top-left corner is shown top-right.
            assertThat(TestImages.isRed(shown.getRGB(shown.getWidth() - 10, 10))).as("%s", variant).isTrue();
            assertThat(TestImages.isBlue(shown.getRGB(10, shown.getHeight() - 10))).as("%s", variant).isTrue();
            assertThat(TestImages.isGrey(shown.getRGB(10, 10))).as("%s", variant).isTrue();
        }
    }

    @Test
    void neverScalesSubsampledPixelsUpEvenIfAReaderReturnedFewerThanExpected() {
        BufferedImage narrow = TestImages.photo(1000, 625);

        List<VariantEncoder.Encoded> variants = encoder.encode(
                new DecodedImage(narrow, ExifOrientation.NORMAL, 8000, 5000));

        assertThat(variants).extracting(VariantEncoder.Encoded::width).containsExactly(480, 480, 800, 800, 1000, 1000);
    }

    @Test
    void writesWebpThatDecodesToTheSamePicture() throws Exception {
        BufferedImage photo = TestImages.photo(600, 400);
        VariantEncoder.Encoded webp = encoder.encode(photo).stream()
                .filter(v -> v.format().equals("webp") && v.width() == 600).findFirst().orElseThrow();

        BufferedImage decoded = decodeWithTwelveMonkeys(webp);

        assertThat(new String(webp.bytes(), 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(new String(webp.bytes(), 8, 4, "US-ASCII")).isEqualTo("WEBP");
        assertThat(decoded.getWidth()).isEqualTo(600);
        assertThat(decoded.getHeight()).isEqualTo(400);
        assertThat(meanDifference(photo, decoded)).isLessThan(12);
    }

    @Test
    void keepsColoursWhateverPixelLayoutTheDecoderReturned() throws Exception {
        BufferedImage photo = TestImages.photo(640, 400);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            for (VariantEncoder.Encoded variant : encoder.encode(TestImages.converted(photo, type))) {
                if (variant.width() == 640) {
                    assertThat(meanDifference(photo, decodeWithTwelveMonkeys(variant)))
                            .as("%s from type %d", variant.format(), type).isLessThan(12);
                }
            }
        }
    }

    @Test
    void stripsGpsMetadataFromEveryVariant() throws Exception {
        byte[] phoneJpeg = TestImages.withSegments(TestImages.jpeg(TestImages.photo(1700, 1100)),
                TestImages.exifWithGps(1, false), TestImages.xmpWithGps(), TestImages.comment(),
                TestImages.icc(ICC_Profile.getInstance(ColorSpace.CS_sRGB)));
        assertThat(gpsLatitudeIn(phoneJpeg)).as("the fixture really carries GPS").isNotNull();

        List<VariantEncoder.Encoded> variants = encoder.encode(decoder.decode(phoneJpeg));

        assertThat(variants).hasSize(8);
        for (VariantEncoder.Encoded variant : variants) {
            byte[] bytes = variant.bytes();
            if (variant.format().equals("jpeg")) {
                assertThat(TestImages.jpegSegments(bytes))
                        .as("only the JFIF header, tables, frame and scan in the %d JPEG", variant.width())
                        .allSatisfy(s -> assertThat(s.marker() == 0xE0 && s.payloadStart().startsWith("JFIF\0")
                                || s.marker() < 0xE0 || s.marker() > 0xEF && s.marker() != 0xFE).isTrue());
            } else {
                assertThat(TestImages.webpChunks(bytes)).as("chunks of the %d WebP", variant.width())
                        .isNotEmpty().isSubsetOf("VP8 ", "VP8L", "VP8X", "ALPH");
            }
            for (String leak : new String[] {"Exif", "GPSLatitude", "SpyPhone", "ns.adobe.com", "ICC_PROFILE", "police"}) {
                assertThat(TestImages.contains(bytes, leak))
                        .as("%s in the %d %s", leak, variant.width(), variant.format()).isFalse();
            }
        }
    }

    @Test
    void writesProgressiveJpegs() {
        VariantEncoder.Encoded jpeg = encoder.encode(TestImages.photo(500, 300)).get(0);

        assertThat(TestImages.jpegSegments(jpeg.bytes())).extracting(TestImages.Segment::marker).contains(0xC2);
    }

    @Test
    void putsTransparencyOnWhiteInJpegAndKeepsItInWebp() throws Exception {
        BufferedImage logo = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(150, 0, 50, 100);
        g.dispose();

        List<VariantEncoder.Encoded> variants = encoder.encode(decoder.decode(TestImages.png(logo)));

        BufferedImage jpeg = decodeWithTwelveMonkeys(variants.get(0));
        BufferedImage webp = decodeWithTwelveMonkeys(variants.get(1));
        assertThat(new Color(jpeg.getRGB(20, 50))).matches(c -> c.getRed() > 245 && c.getGreen() > 245 && c.getBlue() > 245);
        assertThat(new Color(jpeg.getRGB(180, 50)).getBlue()).isGreaterThan(200);
        assertThat(webp.getColorModel().hasAlpha()).isTrue();
        assertThat(webp.getRGB(20, 50) >>> 24).isZero();
    }

    @Test
    void encodesA2000By1300PhotoInFourWidthsAndTwoFormats() throws Exception {
        // how long this takes belongs to a benchmark, not to a test on a shared machine
        List<VariantEncoder.Encoded> variants = encoder.encode(decoder.decode(TestImages.jpeg(TestImages.photo(2000, 1300))));

        assertThat(variants).hasSize(8);
        assertThat(variants.stream().map(VariantEncoder.Encoded::format).distinct()).containsExactlyInAnyOrder("jpeg", "webp");
        assertThat(variants.stream().map(VariantEncoder.Encoded::width).distinct()).hasSize(4);
    }

    private static BufferedImage decodeWithTwelveMonkeys(VariantEncoder.Encoded variant) throws Exception {
        String mime = variant.format().equals("jpeg") ? "image/jpeg" : "image/webp";
        var readers = ImageIO.getImageReadersByMIMEType(mime);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.twelvemonkeys.")) {
                try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(variant.bytes()))) {
                    reader.setInput(in);
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new AssertionError("no TwelveMonkeys reader for " + mime);
    }

    /** The GPS latitude as TwelveMonkeys' EXIF reader sees it, or null. */
    private static Object gpsLatitudeIn(byte[] jpeg) throws Exception {
        for (TestImages.Segment segment : TestImages.jpegSegments(jpeg)) {
            if (segment.marker() == 0xE1 && segment.payloadStart().startsWith("Exif")) {
                byte[] tiff = Arrays.copyOfRange(segment.payload(), 6, segment.payload().length);
                try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
                    Directory ifd0 = new TIFFReader().read(in);
                    Directory gps = (Directory) ifd0.getEntryById(TIFF.TAG_GPS_IFD).getValue();
                    return gps.getEntryById(2).getValue();
                }
            }
        }
        return null;
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
