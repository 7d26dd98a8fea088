package org.iskra.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images made in the test, so no binary fixtures are needed. */
final class TestImages {

    static final String COMMENT = "shot near the district police station";

    private TestImages() {
    }

    /** Something photo-like: gradients, shapes, text and noise, so encoders work as hard as on a real photo. */
    static BufferedImage photo(int width, int height) {
        return photo(width, height, 42);
    }

    static BufferedImage photo(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 140), width, height, new Color(230, 120, 40)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
            int size = 5 + random.nextInt(Math.max(6, width / 10));
            g.fillOval(random.nextInt(width), random.nextInt(height), size, size);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 12)));
        g.drawString("Искра", width / 10, height / 2);
        g.dispose();
        for (int i = 0; i < width * height / 20; i++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            image.setRGB(x, y, image.getRGB(x, y) ^ 0x0F0F0F);
        }
        return image;
    }

    /** A plain image with a red square in the top-left corner, to see where that corner ends up. */
    static BufferedImage markedTopLeft(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 5, height / 5);
        g.dispose();
        return image;
    }

    private static byte[] largeJpeg;

    /**
     * An 8000 × 5000 JPEG (40 megapixels, as from a large camera) of {@link #markedTopLeft} with a blue square in
     * the bottom-right corner too. Flat colours keep it small (about 0.5 MB) and quick to make; it is made once.
     */
    static synchronized byte[] largeJpeg() {
        if (largeJpeg == null) {
            largeJpeg = jpeg(markedCorners(8000, 5000, BufferedImage.TYPE_3BYTE_BGR));
        }
        return largeJpeg.clone();
    }

    /** Light grey, with a red square in the top-left corner and a blue one in the bottom-right, a fifth a side. */
    static BufferedImage markedCorners(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 5, height / 5);
        g.setColor(Color.BLUE);
        g.fillRect(width - width / 5, height - height / 5, width / 5, height / 5);
        g.dispose();
        return image;
    }

    static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
    }

    static boolean isBlue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60;
    }

    static boolean isGrey(int rgb) {
        Color c = new Color(rgb);
        return Math.abs(c.getRed() - 192) < 12 && Math.abs(c.getGreen() - 192) < 12 && Math.abs(c.getBlue() - 192) < 12;
    }

    static BufferedImage converted(BufferedImage image, int type) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static byte[] jpeg(BufferedImage image) {
        return write(image, "jpeg");
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JPEG with the given marker segments inserted right after its start-of-image marker. */
    static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + payload.length);
        buffer.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return buffer.array();
    }

    /**
     * An EXIF APP1 segment as a phone writes it: camera make, orientation, and a GPS block placing the shot in
     * Moscow (55°45'12.34"N 37°37'56.78"E).
     */
    static byte[] exifWithGps(int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(256);
        if (littleEndian) {
            tiff.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            tiff.put((byte) 'I').put((byte) 'I');
        } else {
            tiff.put((byte) 'M').put((byte) 'M');
        }
        tiff.putShort((short) 42).putInt(8);
        // IFD0 at 8: three entries, then the next-IFD offset; values that do not fit in 4 bytes follow.
        int ifd0Values = 8 + 2 + 3 * 12 + 4;          // 50: "SpyPhone\0"
        int gpsIfd = ifd0Values + 10;                // 60
        int gpsValues = gpsIfd + 2 + 5 * 12 + 4;     // 126: two RATIONAL[3] of 24 bytes each
        tiff.putShort((short) 3);
        entry(tiff, 0x010F, 2, 9, ifd0Values);                   // Make
        entryShort(tiff, 0x0112, orientation);                   // Orientation
        entry(tiff, 0x8825, 4, 1, gpsIfd);                       // GPSInfo IFD pointer
        tiff.putInt(0);
        tiff.put("SpyPhone\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        tiff.position(gpsIfd);
        tiff.putShort((short) 5);
        tiff.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0}); // GPSVersionID
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // LatitudeRef
        entry(tiff, 0x0002, 5, 3, gpsValues);                                                     // Latitude
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0}); // LongitudeRef
        entry(tiff, 0x0004, 5, 3, gpsValues + 24);                                                // Longitude
        tiff.putInt(0);
        tiff.position(gpsValues);
        tiff.putInt(55).putInt(1).putInt(45).putInt(1).putInt(1234).putInt(100);
        tiff.putInt(37).putInt(1).putInt(37).putInt(1).putInt(5678).putInt(100);
        byte[] body = new byte[tiff.position()];
        tiff.flip().get(body);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(body);
        return segment(0xE1, payload.toByteArray());
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    private static void entryShort(ByteBuffer tiff, int tag, int value) {
        tiff.putShort((short) tag).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0);
    }

    static byte[] xmpWithGps() {
        String xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF"
                + " xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description"
                + " xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='55,45.2N'"
                + " exif:GPSLongitude='37,37.9E'/></rdf:RDF></x:xmpmeta>";
        return segment(0xE1, xmp.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] comment() {
        return segment(0xFE, COMMENT.getBytes(StandardCharsets.UTF_8));
    }

    /** An APP2 segment embedding a whole ICC profile (small profiles fit in one segment). */
    static byte[] icc(ICC_Profile profile) {
        byte[] data = profile.getData();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        payload.write(1);
        payload.write(1);
        payload.writeBytes(data);
        return segment(0xE2, payload.toByteArray());
    }

    /** A valid PNG signature and header for a huge image, followed by a scrap of data and the end chunk. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The marker segments of a JPEG before its first scan, as {marker, payload}. */
    record Segment(int marker, byte[] payload) {
        String payloadStart() {
            return new String(payload, 0, Math.min(payload.length, 12), StandardCharsets.ISO_8859_1);
        }
    }

    static List<Segment> jpegSegments(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            byte[] payload = new byte[length - 2];
            System.arraycopy(jpeg, pos + 4, payload, 0, payload.length);
            segments.add(new Segment(marker, payload));
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + length;
        }
        return segments;
    }

    /** The chunk types of a WebP file, in order. */
    static List<String> webpChunks(byte[] webp) {
        List<String> chunks = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(webp).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= webp.length) {
            chunks.add(new String(webp, pos, 4, StandardCharsets.US_ASCII));
            int size = buffer.getInt(pos + 4);
            pos += 8 + size + (size & 1);
        }
        return chunks;
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
