package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MediaImageTest {

    @Test
    void sortsVariantsByWidthWhateverOrderTheyCameIn() {
        MediaImage image = image(2000, 1600, 480, 1200, 800);

        assertThat(image.variants()).extracting(MediaVariant::width)
                .containsExactly(480, 480, 800, 800, 1200, 1200, 1600, 1600);
        assertThat(image.variants("webp")).extracting(MediaVariant::format).containsOnly("webp");
        assertThat(image.variants("webp")).extracting(MediaVariant::width).containsExactly(480, 800, 1200, 1600);
    }

    @Test
    void fallsBackToTheWidestJpegUpTo1200() {
        assertThat(image(2000, 480, 800, 1200, 1600).fallback()).satisfies(v -> {
            assertThat(v.width()).isEqualTo(1200);
            assertThat(v.format()).isEqualTo("jpeg");
            assertThat(v.url()).isEqualTo("/media/aaaaaaaaaaaaaaaa-1200.jpg");
            assertThat(v.mimeType()).isEqualTo("image/jpeg");
        });
        assertThat(image(1000, 480, 800, 1000).fallback().width()).isEqualTo(1000);
    }

    @Test
    void fallsBackToTheNarrowestJpegWhenAllAreWiderThan1200() {
        assertThat(image(1500, 1500).fallback().width()).isEqualTo(1500);
    }

    @Test
    void listsASrcsetPerFormat() {
        MediaImage image = image(900, 480, 800, 900);

        assertThat(image.srcset("webp")).isEqualTo(
                "/media/aaaaaaaaaaaaaaaa-480.webp 480w, /media/aaaaaaaaaaaaaaaa-800.webp 800w,"
                        + " /media/aaaaaaaaaaaaaaaa-900.webp 900w");
        assertThat(image.srcset("jpeg")).startsWith("/media/aaaaaaaaaaaaaaaa-480.jpg 480w, ");
    }

    @Test
    void knowsOnlyJpegAndWebp() {
        assertThat(new MediaVariant(480, 300, "webp", "x-480.webp").mimeType()).isEqualTo("image/webp");
        assertThatThrownBy(() -> new MediaVariant(480, 300, "png", "x-480.png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MediaImage image(int width, int... variantWidths) {
        List<MediaVariant> variants = new java.util.ArrayList<>();
        for (int w : variantWidths) {
            variants.add(new MediaVariant(w, w / 2, "webp", "aaaaaaaaaaaaaaaa-" + w + ".webp"));
            variants.add(new MediaVariant(w, w / 2, "jpeg", "aaaaaaaaaaaaaaaa-" + w + ".jpg"));
        }
        return new MediaImage(1, "0".repeat(64), width, width / 2, null, null, variants);
    }
}
