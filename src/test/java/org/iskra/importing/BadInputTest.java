package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that cannot be imported gets one clear line and exit status 2 from the command, never a stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    ImportedSite site;

    @BeforeEach
    void site() {
        site = new ImportedSite();
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void aFileThatIsNoExportAtAll() throws Exception {
        Path page = Files.writeString(dir.resolve("export.xml"), "<!DOCTYPE html><html><body>Error 500</body></html>");
        assertUnreadable(page, "not a WordPress export");
        Path rss = Files.writeString(dir.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        assertUnreadable(rss, "not a WordPress export: an RSS file without <wp:wxr_version>");
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes");
        assertUnreadable(text, "not a WordPress export: the file is not XML");
    }

    @Test
    void aTruncatedExport() throws Exception {
        String whole = Files.readString(ImportedSite.fixture("wordpress-polylang.xml", dir.resolve("whole.xml")));
        Path cut = Files.writeString(dir.resolve("cut.xml"), whole.substring(0, whole.length() * 2 / 3));
        assertUnreadable(cut, "the export is truncated");
    }

    @Test
    void anExportInAnotherEncodingThanItDeclares() throws Exception {
        String whole = Files.readString(ImportedSite.fixture("wordpress-polylang.xml", dir.resolve("whole.xml")));
        Path windows = dir.resolve("cp1251.xml");
        Files.write(windows, whole.replace("日本", "").replace("本語", "").replaceAll("[^\\x00-\\x7F\\u0400-\\u04FF—]", "")
                .getBytes(Charset.forName("windows-1251")));
        assertUnreadable(windows, "the file is not in the encoding it declares (UTF-8)");
    }

    @Test
    void anExportWithExternalEntitiesIsRefusedAndNothingIsRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        Path hostile = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file://%s">]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&secret;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
                </channel></rss>
                """.formatted(secret));
        assertThat(site.importing(hostile.toString())).isEqualTo(2);
        assertThat(site.output() + site.errors()).doesNotContain("TOP SECRET").doesNotContain("Exception");
    }

    @Test
    void aHugoSiteWhoseOnlyPageIsAYamlBomb() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("bomb.md"), """
                ---
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                title: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                ---
                Text
                """, StandardCharsets.UTF_8);
        assertUnreadable(content, "not one content file could be read");
        assertThat(site.output()).contains("bomb.md: the YAML front matter uses more than 50 aliases");
    }

    private void assertUnreadable(Path path, String reason) {
        int status = site.importing(path.toString());
        String said = site.output() + site.errors();
        assertThat(status).as(said).isEqualTo(2);
        assertThat(site.output()).startsWith("Nothing was imported.").contains(reason);
        assertThat(said).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
