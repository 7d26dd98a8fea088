package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    private final byte[] plain = TestImages.jpeg(TestImages.photo(40, 30));

    @Test
    void readsTheOrientationInBothByteOrders() {
        assertThat(ExifOrientation.of(TestImages.withSegments(plain, TestImages.exifWithGps(6, false)))).isEqualTo(6);
        assertThat(ExifOrientation.of(TestImages.withSegments(plain, TestImages.exifWithGps(8, true)))).isEqualTo(8);
    }

    @Test
    void findsExifAfterOtherSegments() {
        byte[] jpeg = TestImages.withSegments(plain, TestImages.comment(), TestImages.xmpWithGps(),
                TestImages.exifWithGps(3, false));

        assertThat(ExifOrientation.of(jpeg)).isEqualTo(3);
    }

    @Test
    void isNormalWithoutExif() {
        assertThat(ExifOrientation.of(plain)).isEqualTo(1);
    }

    @Test
    void isNormalWhenTheExifBlockIsBroken() {
        byte[] exif = TestImages.exifWithGps(6, false);
        byte[] broken = Arrays.copyOf(exif, 20); // a TIFF header pointing past its end
        broken[2] = 0;
        broken[3] = 18;

        assertThat(ExifOrientation.of(TestImages.withSegments(plain, broken))).isEqualTo(1);
        assertThat(ExifOrientation.of(Arrays.copyOf(TestImages.withSegments(plain, exif), 30))).isEqualTo(1);
    }

    @Test
    void ignoresOrientationValuesOutsideOneToEight() {
        assertThat(ExifOrientation.of(TestImages.withSegments(plain, TestImages.exifWithGps(9, false)))).isEqualTo(1);
    }
}
