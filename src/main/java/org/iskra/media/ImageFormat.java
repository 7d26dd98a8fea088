package org.iskra.media;

import java.util.Optional;

/** Recognises the accepted formats by their magic bytes, whatever the file name or declared type says. */
final class ImageFormat {

    private ImageFormat() {
    }

    static Optional<String> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && ascii(b, 1, "PNG\r\n\u001a\n")) {
            return Optional.of("image/png");
        }
        if (b.length >= 6 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))) {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] b, int offset, String expected) {
        if (b.length < offset + expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (b[offset + i] != (byte) expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
