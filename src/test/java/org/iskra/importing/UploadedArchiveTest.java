package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip uploaded to the back office is unpacked within limits and never outside its folder. */
class UploadedArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aZipBombStopsAtTheLimitInsteadOfFillingTheDisk() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("content/zeros.md"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(200_000);

        assertThatThrownBy(() -> UploadedArchive.unpack(bomb, dir.resolve("out"), UploadedArchive.Limits.DEFAULT))
                .isInstanceOf(FileRejected.class).hasMessageContaining("(a zip bomb?): refused");
        assertThatThrownBy(() -> UploadedArchive.unpack(bomb, dir.resolve("small"), new UploadedArchive.Limits(8L * 1024 * 1024, 10, 100_000)))
                .isInstanceOf(FileRejected.class).hasMessage("the zip unpacks to more than 8 MB: refused");
    }

    @Test
    void entriesThatLeaveTheFolderAreRefused() throws Exception {
        for (String name : new String[] {"../outside.md", "/etc/cron.d/x", "a/../../b.md", "C:/windows/x"}) {
            Path zip = zipOf(name, "x");
            assertThatThrownBy(() -> UploadedArchive.unpack(zip, dir.resolve("out"), UploadedArchive.Limits.DEFAULT))
                    .as(name).isInstanceOf(FileRejected.class).hasMessageContaining("outside itself");
        }
        assertThat(dir.resolve("outside.md")).doesNotExist();
    }

    @Test
    void aZipWithOneFolderAndAnExportBesideItsUploadsImportsTheExportWithThem() throws Exception {
        Path zip = dir.resolve("wp.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "site/export.xml", "<rss/>");
            entry(out, "site/wp-content/uploads/2024/05/a.jpg", "jpeg");
        }
        Path target = dir.resolve("unpacked");
        UploadedArchive.unpack(zip, target, UploadedArchive.Limits.DEFAULT);

        ImportOptions options = UploadedArchive.source(target, ImportOptions.of(target));

        assertThat(options.source()).isEqualTo(target.resolve("site/export.xml"));
        assertThat(options.uploads()).isEqualTo(target.resolve("site/wp-content/uploads"));
    }

    @Test
    void somethingElseIsNoZip() throws Exception {
        Path text = Files.writeString(dir.resolve("export.xml"), "<rss/>");
        assertThat(UploadedArchive.isZip(text)).isFalse();
        assertThat(UploadedArchive.isZip(zipOf("a.md", "x"))).isTrue();
    }

    private Path zipOf(String name, String text) throws Exception {
        Path zip = Files.createTempFile(dir, "z", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, name, text);
        }
        return zip;
    }

    private static void entry(ZipOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new ZipEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
