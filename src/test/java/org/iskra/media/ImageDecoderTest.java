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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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

        assertThat(decoder.decode(Arrays.copyOf(jpeg, jpeg.length - 2)).pixels().getWidth()).isEqualTo(400);
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
        byte[] huge = new byte[(int) UploadLimits.MAX_BYTES + 1];
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
            BufferedImage decoded = decoder.decode(bytes).pixels();
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

        BufferedImage decoded = decoder.decode(TestImages.png(deep)).pixels();

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void keepsTransparencyOfPngs() throws Exception {
        BufferedImage transparent = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);

        BufferedImage decoded = decoder.decode(TestImages.png(transparent)).pixels();

        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(10, 10) >>> 24).isZero();
    }

    @Test
    void turnsAPhoneJpegUprightByItsExifOrientation() throws Exception {
        // Orientation 6: the camera was turned clockwise, so the stored top-left corner belongs top-right.
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(TestImages.markedTopLeft(300, 200)),
                TestImages.exifWithGps(6, false));

        BufferedImage upright = decoder.decode(jpeg).upright();

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
            BufferedImage shown = ExifOrientation.apply(stored, orientation);
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

        int untaggedValue = decoder.decode(TestImages.jpeg(grey)).pixels().getRGB(32, 32) & 0xFF;
        int taggedValue = decoder.decode(tagged).pixels().getRGB(32, 32) & 0xFF;

        assertThat(untaggedValue).isBetween(60, 68);
        assertThat(taggedValue).isGreaterThan(120);
    }

    @Test
    void subsamplesOnlyBeyondTwiceTheWidestVariantAndNeverBelowIt() {
        assertThat(DecodePlan.subsampling(1)).isEqualTo(1);
        assertThat(DecodePlan.subsampling(1600)).isEqualTo(1);
        assertThat(DecodePlan.subsampling(3200)).isEqualTo(1);
        assertThat(DecodePlan.subsampling(3201)).isEqualTo(2);    // 1601 wide
        assertThat(DecodePlan.subsampling(4797)).isEqualTo(2);    // 2399
        assertThat(DecodePlan.subsampling(4798)).isEqualTo(3);    // 1600
        assertThat(DecodePlan.subsampling(7999)).isEqualTo(5);    // 1600
        assertThat(DecodePlan.subsampling(8000)).isEqualTo(5);    // 1600
        assertThat(DecodePlan.subsampling(16_383)).isEqualTo(10); // 1639
        for (int width = 3201; width <= UploadLimits.MAX_SIDE; width++) {
            int n = DecodePlan.subsampling(width);
            assertThat(ceilDiv(width, n)).as("decoded width of %d", width).isBetween(1600, 2399);
            assertThat(ceilDiv(width, n + 1)).as("one step further for %d", width).isLessThan(1600);
        }
    }

    @Test
    void decodesA40MegapixelJpegAsOnly1600PixelsAcrossKeepingTheOriginalSize() throws Exception {
        DecodedImage decoded = decoder.decode(TestImages.largeJpeg());

        assertThat(decoded.width()).isEqualTo(8000);
        assertThat(decoded.height()).isEqualTo(5000);
        assertThat(decoded.pixels().getWidth()).isEqualTo(1600);
        assertThat(decoded.pixels().getHeight()).isEqualTo(1000);
        assertCorners(decoded.pixels(), false, false);
        assertThat(TestImages.isGrey(decoded.pixels().getRGB(800, 500))).isTrue();
    }

    @Test
    void subsamplesATurnedPhotoByTheWidthItIsShownAt() throws Exception {
        // Stored 8000 × 5000, shown 5000 × 8000: every third pixel leaves 1667 across as shown, every fourth 1250.
        byte[] jpeg = TestImages.withSegments(TestImages.largeJpeg(), TestImages.exifWithGps(6, false));

        DecodePlan plan = decoder.plan(jpeg);
        DecodedImage decoded = decoder.decode(jpeg);
        BufferedImage upright = decoded.upright();

        assertThat(plan.subsampling()).isEqualTo(3);
        assertThat(plan.decodedPixels()).isEqualTo(2667L * 1667);
        assertThat(decoded.width()).isEqualTo(5000);
        assertThat(decoded.height()).isEqualTo(8000);
        assertThat(decoded.pixels().getWidth()).isEqualTo(2667);
        assertThat(decoded.decodedWidth()).isEqualTo(1667);
        assertThat(upright.getWidth()).isEqualTo(1667);
        assertThat(upright.getHeight()).isEqualTo(2667);
        // Turned clockwise: the stored top-left corner is shown top-right, the bottom-right one bottom-left.
        assertCorners(upright, true, false);
    }

    @Test
    void subsamplesEveryFormatItAccepts() throws Exception {
        BufferedImage opaque = TestImages.markedCorners(3300, 1000, BufferedImage.TYPE_INT_RGB);
        BufferedImage translucent = TestImages.converted(opaque, BufferedImage.TYPE_INT_ARGB);
        byte[][] uploads = {TestImages.jpeg(opaque), TestImages.png(opaque), TestImages.png(translucent),
                TestImages.write(opaque, "gif"), webp(opaque, "Lossy"), webp(translucent, "Lossless")};

        for (byte[] upload : uploads) {
            String format = ImageFormat.sniff(upload).orElseThrow();
            DecodedImage decoded = decoder.decode(upload);

            assertThat(decoder.plan(upload).subsampling()).isEqualTo(2);
            assertThat(decoded.width()).as(format).isEqualTo(3300);
            assertThat(decoded.height()).as(format).isEqualTo(1000);
            assertThat(decoded.pixels().getWidth()).as(format).isEqualTo(1650);
            assertThat(decoded.pixels().getHeight()).as(format).isEqualTo(500);
            assertCorners(decoded.pixels(), false, false);
        }
    }

    @Test
    void decodesSmallerImagesWhole() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.markedCorners(3200, 400, BufferedImage.TYPE_INT_RGB));

        DecodedImage decoded = decoder.decode(jpeg);

        assertThat(decoder.plan(jpeg).subsampling()).isEqualTo(1);
        assertThat(decoded.pixels().getWidth()).isEqualTo(3200);
        assertThat(decoded.pixels().getHeight()).isEqualTo(400);
    }

    @Test
    void estimatesTheHeapADecodeNeedsFromTheHeader() throws Exception {
        DecodePlan large = decoder.plan(TestImages.largeJpeg());
        DecodePlan small = decoder.plan(TestImages.jpeg(TestImages.photo(400, 300)));

        assertThat(large.decodedPixels()).isEqualTo(1600L * 1000);
        // The decoded pixels and copies of them, and of the widest variant: tens of MB, not hundreds.
        assertThat(large.heapBytes()).isBetween(20L << 20, 60L << 20);
        assertThat(small.heapBytes()).isLessThan(4L << 20);
    }

    private static void assertCorners(BufferedImage image, boolean redRight, boolean redBottom) {
        int w = image.getWidth();
        int h = image.getHeight();
        int near = 5;
        int redX = redRight ? w - 1 - near : near;
        int redY = redBottom ? h - 1 - near : near;
        assertThat(TestImages.isRed(image.getRGB(redX, redY))).as("red at %d,%d of %d×%d", redX, redY, w, h).isTrue();
        assertThat(TestImages.isBlue(image.getRGB(w - 1 - redX, h - 1 - redY)))
                .as("blue at %d,%d of %d×%d", w - 1 - redX, h - 1 - redY, w, h).isTrue();
        assertThat(TestImages.isGrey(image.getRGB(redRight ? near : w - 1 - near, redBottom ? h - 1 - near : near)))
                .as("grey in a third corner").isTrue();
    }

    private static byte[] webp(BufferedImage image, String compression) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(compression);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
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
        return TestImages.isRed(rgb);
    }
}
