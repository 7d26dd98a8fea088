package org.iskra.importing;

import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Generates the inputs of {@code bench/import.sh}: a WordPress export of N posts in three languages (Polylang groups
 * of three, block markup, a [caption] with an image from a small uploads folder every 50th post, categories and
 * tags) and a Hugo site of N files (a hugo.toml with a content folder per language, bundles, aliases, shortcodes).
 * The text is made up; its size is that of a real article (about 5 KB).
 *
 * <p>Usage: {@code ImportBenchmarkData OUTPUT_FOLDER [posts=10000] [files=10000]}
 */
public final class ImportBenchmarkData {

    private static final List<String> LANGUAGES = List.of("en", "ru", "es");
    private static final String[][] WORDS = {
            {"workers", "strike", "wages", "union", "rent", "housing", "picket", "solidarity", "factory", "the", "and", "of", "for"},
            {"рабочие", "забастовка", "зарплата", "профсоюз", "аренда", "жильё", "пикет", "солидарность", "завод", "и", "в", "на"},
            {"trabajadores", "huelga", "salarios", "sindicato", "alquiler", "vivienda", "piquete", "solidaridad", "fábrica", "y", "de", "la"}};

    private ImportBenchmarkData() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Files.createDirectories(out);
        Path uploads = out.resolve("uploads/2024/05");
        Files.createDirectories(uploads);
        for (int i = 0; i < 5; i++) {
            Files.write(uploads.resolve("photo-" + i + ".jpg"), TestImages.jpeg("photo " + i, new Color(40 * i, 90, 160)));
        }
        wxr(out.resolve("export.xml"), posts);
        hugo(out.resolve("hugo-site"), files);
        System.out.println("generated " + posts + " posts and " + files + " Hugo files in " + out);
    }

    private static void wxr(Path file, int posts) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    	xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                    	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    	<title>Bench</title><link>https://bench.example.org</link><language>en-US</language>
                    	<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example.org</wp:base_site_url>
                    	<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_display_name><![CDATA[The editors]]></wp:author_display_name></wp:author>
                    """);
            for (int i = 0; i < 5; i++) {
                w.write("<item><title>photo-" + i + "</title><wp:post_id>" + (900000 + i) + "</wp:post_id><wp:post_type>attachment</wp:post_type>"
                        + "<wp:status>inherit</wp:status><wp:attachment_url>https://bench.example.org/wp-content/uploads/2024/05/photo-" + i
                        + ".jpg</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2024/05/photo-" + i
                        + ".jpg</wp:meta_value></wp:postmeta></item>\n");
            }
            for (int n = 0; n < posts; n++) {
                int group = n / 3;
                int language = n % 3;
                String lang = LANGUAGES.get(language);
                long id = 1000 + n;
                String day = String.format("2023-%02d-%02d %02d:00:00", 1 + group % 12, 1 + group % 28, language + 8);
                StringBuilder content = new StringBuilder();
                for (int p = 0; p < 12; p++) {
                    content.append("<!-- wp:paragraph -->\n<p>").append(sentence(random, language, 60)).append("</p>\n<!-- /wp:paragraph -->\n\n");
                    if (p == 5) {
                        content.append("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">").append(sentence(random, language, 5))
                                .append("</h2>\n<!-- /wp:heading -->\n\n");
                    }
                }
                if (group % 50 == 0) {
                    content.append("[caption id=\"attachment_1\" width=\"800\"]<img src=\"https://bench.example.org/wp-content/uploads/2024/05/photo-")
                            .append(group % 5).append("-800x600.jpg\" alt=\"").append(sentence(random, language, 4)).append("\" /> ")
                            .append(sentence(random, language, 6)).append("[/caption]\n");
                }
                w.write("<item><title><![CDATA[" + sentence(random, language, 7) + " " + group + "]]></title>"
                        + "<link>https://bench.example.org/" + (language == 0 ? "" : lang + "/") + "2023/post-" + group + "/</link>"
                        + "<dc:creator><![CDATA[editor]]></dc:creator><content:encoded><![CDATA[" + content + "]]></content:encoded>"
                        + "<excerpt:encoded><![CDATA[" + sentence(random, language, 20) + "]]></excerpt:encoded>"
                        + "<wp:post_id>" + id + "</wp:post_id><wp:post_date><![CDATA[" + day + "]]></wp:post_date>"
                        + "<wp:post_date_gmt><![CDATA[" + day + "]]></wp:post_date_gmt><wp:post_modified_gmt><![CDATA[" + day + "]]></wp:post_modified_gmt>"
                        + "<wp:post_name><![CDATA[post-" + group + "-" + lang + "]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>"
                        + "<wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type>"
                        + "<category domain=\"category\" nicename=\"c" + group % 20 + "\"><![CDATA[" + WORDS[language][group % 9] + "]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"t" + group % 30 + "\"><![CDATA[" + WORDS[language][(group + 3) % 9] + "]]></category>"
                        + "<category domain=\"language\" nicename=\"" + lang + "\"><![CDATA[" + lang + "]]></category>"
                        + "<category domain=\"post_translations\" nicename=\"pll_" + group + "\"><![CDATA[pll_" + group + "]]></category>"
                        + "</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    private static void hugo(Path root, int files) throws IOException {
        Random random = new Random(7);
        Files.createDirectories(root);
        StringBuilder config = new StringBuilder("baseURL = 'https://hugo.example.org/'\ndefaultContentLanguage = 'en'\n"
                + "[permalinks]\n  posts = '/:year/:month/:slug/'\n[languages]\n");
        for (int i = 0; i < LANGUAGES.size(); i++) {
            config.append("  [languages.").append(LANGUAGES.get(i)).append("]\n    contentDir = 'content/").append(LANGUAGES.get(i))
                    .append("'\n    weight = ").append(i + 1).append('\n');
        }
        Files.writeString(root.resolve("hugo.toml"), config);
        for (int n = 0; n < files; n++) {
            int page = n / 3;
            int language = n % 3;
            Path file = root.resolve("content/" + LANGUAGES.get(language) + "/posts/" + (page % 100) + "/post-" + page + ".md");
            Files.createDirectories(file.getParent());
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 12; p++) {
                body.append(sentence(random, language, 60)).append("\n\n");
                if (p == 4) {
                    body.append("{{< youtube id=\"dQw4w9WgXcQ\" >}}\n\n## ").append(sentence(random, language, 5)).append("\n\n");
                }
            }
            Files.writeString(file, "---\ntitle: \"" + sentence(random, language, 7) + " " + page + "\"\n"
                    + "date: " + String.format("2022-%02d-%02dT10:00:00Z", 1 + page % 12, 1 + page % 28) + "\n"
                    + "description: \"" + sentence(random, language, 20) + "\"\n"
                    + "tags: [\"" + WORDS[language][page % 9] + "\"]\n"
                    + "aliases: [\"/old/" + LANGUAGES.get(language) + "/" + page + "/\"]\n---\n\n" + body, StandardCharsets.UTF_8);
        }
    }

    private static String sentence(Random random, int language, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[language][random.nextInt(WORDS[language].length)]);
        }
        return s.toString();
    }
}
