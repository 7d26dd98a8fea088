package org.iskra.importing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images made in the test: a JPEG drawn with Java2D, optionally carrying an EXIF block with a GPS position. */
final class TestImages {

    /** Text inside the GPS block, so a test can look for the position in stored bytes. */
    static final String GPS_MARKER = "GPS-MARKER-GORIS";

    private TestImages() {
    }

    /** A small JPEG; {@code label} is drawn into it, so different labels give different bytes (and hashes). */
    static byte[] jpeg(String label, Color background) {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(label, 20, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same JPEG with an APP1 Exif segment whose GPS directory places the photographer at 39.5°N 46.3°E. */
    static byte[] jpegWithGps(String label, Color background) {
        byte[] jpeg = jpeg(label, background);
        byte[] exif = exifWithGps();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        int length = 2 + exif.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * "Exif\0\0" and a big-endian TIFF structure: IFD0 holding only the GPS pointer, and a GPS directory with
     * version, latitude, longitude and an area information text.
     */
    private static byte[] exifWithGps() {
        byte[] area = ("ASCII\0\0\0" + GPS_MARKER).getBytes(StandardCharsets.US_ASCII);
        int gpsEntries = 6;
        int gpsIfd = 8 + 2 + 12 + 4;
        int data = gpsIfd + 2 + gpsEntries * 12 + 4;
        int latitude = data;
        int longitude = latitude + 24;
        int areaOffset = longitude + 24;
        ByteBuffer tiff = ByteBuffer.allocate(areaOffset + area.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        entry(tiff, 0x8825, 4, 1, gpsIfd); // GPSInfo IFD pointer, LONG
        tiff.putInt(0);
        tiff.putShort((short) gpsEntries);
        tiff.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0}); // GPSVersionID
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        entry(tiff, 0x0002, 5, 3, latitude); // GPSLatitude, RATIONAL
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0}); // GPSLongitudeRef
        entry(tiff, 0x0004, 5, 3, longitude); // GPSLongitude, RATIONAL
        entry(tiff, 0x001C, 7, area.length, areaOffset); // GPSAreaInformation, UNDEFINED
        tiff.putInt(0);
        tiff.putInt(39).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
        tiff.putInt(46).putInt(1).putInt(20).putInt(1).putInt(0).putInt(1);
        tiff.put(area);
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.writeBytes(tiff.array());
        return exif.toByteArray();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
