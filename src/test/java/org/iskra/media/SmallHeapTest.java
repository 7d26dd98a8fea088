package org.iskra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node may run with a heap of 64 MB. Decoding a 40-megapixel photo whole took about 270 MB; subsampled, it
 * must fit, with room to spare for the rest of the application.
 */
class SmallHeapTest {

    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void makesTheVariantsOfA40MegapixelPhotoIn64MbOfHeap() throws Exception {
        Path upload = dir.resolve("large.jpg");
        Files.write(upload, TestImages.largeJpeg());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process process = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                SmallHeapTest.class.getName(), upload.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();

        System.out.print(output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("8 variants, the widest 1600×1000");
    }

    /** Runs in the small heap: decodes and encodes the image at {@code args[0]} as MediaLibrary does. */
    public static void main(String[] args) throws Exception {
        byte[] upload = Files.readAllBytes(Path.of(args[0]));
        ImageDecoder decoder = new ImageDecoder();
        VariantEncoder encoder = new VariantEncoder();
        System.gc();
        long before = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        List<VariantEncoder.Encoded> variants = encoder.encode(decoder.decode(upload));

        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        VariantEncoder.Encoded widest = variants.get(variants.size() - 1);
        System.out.printf("%s: %d variants, the widest %d×%d; heap %d MB before, peak %d MB (with garbage)%n",
                HEAP, variants.size(), widest.width(), widest.height(), before >> 20, peak >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
