package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void refusesATextFileAsNotAnImage() {
        byte[] text = "Workers of the world, unite!\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decoder.decode(text))
                .isInstanceOf(UnsupportedImageException.class)
                .extracting(e -> ((UnsupportedImageException) e).reason())
                .isEqualTo("media.error.not-an-image");
    }

    @Test
    void refusesAnEmptyUploadAsNotAnImage() {
        assertThat(reasonFor(new byte[0])).isEqualTo("media.error.not-an-image");
    }

    @Test
    void refusesATruncatedJpegAsDamaged() {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(400, 300));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThat(reasonFor(truncated)).isEqualTo("media.error.damaged");
    }

    @Test
    void acceptsAJpegMissingOnlyItsEndMarker() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(400, 300));

        assertThat(decoder.decode(Arrays.copyOf(jpeg, jpeg.length - 2)).getWidth()).isEqualTo(400);
    }

    @Test
    void refusesATruncatedPngAsDamaged() {
        byte[] png = TestImages.png(TestImages.photo(400, 300));

        assertThat(reasonFor(Arrays.copyOf(png, png.length / 2))).isEqualTo("media.error.damaged");
    }

    @Test
    void refusesAJpegCutOffInsideItsHeaderAsDamaged() {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(400, 300));

        assertThat(reasonFor(Arrays.copyOf(jpeg, 40))).isEqualTo("media.error.damaged");
    }

    @Test
    void refusesAPngHeaderClaimingTenBillionPixelsWithoutDecodingIt() {
        byte[] bomb = TestImages.pngHeader(100_000, 100_000);
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();

        assertThat(reasonFor(bomb)).isEqualTo("media.error.too-many-pixels");

        // Decoding would need 30 GB for the pixels; refusing from the header needs next to nothing.
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertThat(after - before).isLessThan(50L * 1024 * 1024);
    }

    @Test
    void refusesSidesLongerThanWebpCanEncode() {
        assertThat(reasonFor(TestImages.pngHeader(20_000, 100))).isEqualTo("media.error.too-many-pixels");
    }

    @Test
    void refusesFilesOverTheByteLimitBeforeLookingAtThem() {
        byte[] huge = new byte[(int) ImageDecoder.MAX_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;

        assertThat(reasonFor(huge)).isEqualTo("media.error.too-large");
    }

    @Test
    void refusesImageFormatsItDoesNotAcceptAsUnsupported() {
        byte[] bmp = TestImages.write(TestImages.photo(40, 30), "bmp");

        assertThat(reasonFor(bmp)).isEqualTo("media.error.unsupported-format");
    }

    @Test
    void decodesJpegPngGifAndWebp() throws Exception {
        BufferedImage photo = TestImages.photo(320, 200);
        byte[] webp = new VariantEncoder().encode(photo).stream()
                .filter(e -> e.format().equals("webp")).findFirst().orElseThrow().bytes();

        for (byte[] bytes : new byte[][] {TestImages.jpeg(photo), TestImages.png(photo),
                TestImages.write(photo, "gif"), webp}) {
            BufferedImage decoded = decoder.decode(bytes);
            assertThat(decoded.getWidth()).isEqualTo(320);
            assertThat(decoded.getHeight()).isEqualTo(200);
            assertThat(decoded.getType()).isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR);
        }
    }

    @Test
    void decodesSixteenBitPngs() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage deep = new BufferedImage(model, model.createCompatibleWritableRaster(60, 40), false, null);
        deep.getRaster().setPixel(5, 5, new int[] {65535, 0, 0});

        BufferedImage decoded = decoder.decode(TestImages.png(deep));

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void keepsTransparencyOfPngs() throws Exception {
        BufferedImage transparent = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);

        BufferedImage decoded = decoder.decode(TestImages.png(transparent));

        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(10, 10) >>> 24).isZero();
    }

    @Test
    void turnsAPhoneJpegUprightByItsExifOrientation() throws Exception {
        // Orientation 6: the camera was turned clockwise, so the stored top-left corner belongs top-right.
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(TestImages.markedTopLeft(300, 200)),
                TestImages.exifWithGps(6, false));

        BufferedImage upright = decoder.decode(jpeg);

        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(300);
        assertThat(isRed(upright.getRGB(195, 5))).isTrue();
        assertThat(isRed(upright.getRGB(5, 5))).isFalse();
    }

    @Test
    void everyExifOrientationPutsTheMarkedCornerWhereItBelongs() {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            assertOrientations(TestImages.converted(TestImages.markedTopLeft(30, 20), type));
        }
    }

    private static void assertOrientations(BufferedImage stored) {
        // Where the stored top-left corner is shown, as {right?, bottom?} per orientation 1–8.
        boolean[][] corner = {{false, false}, {true, false}, {true, true}, {false, true},
                {false, false}, {true, false}, {true, true}, {false, true}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage shown = ImageDecoder.orient(stored, orientation);
            int x = corner[orientation - 1][0] ? shown.getWidth() - 1 : 0;
            int y = corner[orientation - 1][1] ? shown.getHeight() - 1 : 0;
            assertThat(isRed(shown.getRGB(x, y))).as("orientation %d", orientation).isTrue();
            assertThat(shown.getWidth()).isEqualTo(orientation >= 5 ? 20 : 30);
            assertThat(shown.getType()).isEqualTo(stored.getType());
            // The opposite corner must stay grey: a turn by one pixel too many would wrap or leave a black edge.
            assertThat(isRed(shown.getRGB(shown.getWidth() - 1 - x, shown.getHeight() - 1 - y))).isFalse();
            assertThat(shown.getRGB(shown.getWidth() - 1 - x, shown.getHeight() - 1 - y) & 0xFFFFFF)
                    .isEqualTo(Color.LIGHT_GRAY.getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void convertsAnEmbeddedColourProfileToSrgb() throws Exception {
        // The same stored value means a much brighter grey in linear RGB than in sRGB.
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = grey.createGraphics();
        g.setColor(new Color(64, 64, 64));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        byte[] tagged = TestImages.withSegments(TestImages.jpeg(grey),
                TestImages.icc(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)));

        int untaggedValue = decoder.decode(TestImages.jpeg(grey)).getRGB(32, 32) & 0xFF;
        int taggedValue = decoder.decode(tagged).getRGB(32, 32) & 0xFF;

        assertThat(untaggedValue).isBetween(60, 68);
        assertThat(taggedValue).isGreaterThan(120);
    }

    private String reasonFor(byte[] bytes) {
        try {
            decoder.decode(bytes);
        } catch (UnsupportedImageException e) {
            return e.reason();
        }
        throw new AssertionError("accepted");
    }

    private static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
    }
}
