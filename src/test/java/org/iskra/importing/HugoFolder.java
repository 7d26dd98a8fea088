package org.iskra.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a Hugo content folder for a test, file by file:
 * {@code HugoFolder.create(dir).file("caucasus/index.ru.md").frontMatter("title: Война").body("Текст")}.
 * Every call writes the file at once, so a test can change one and import again.
 */
final class HugoFolder {

    private final Path root;

    private HugoFolder(Path root) {
        this.root = root;
    }

    static HugoFolder create(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HugoFolder(root);
    }

    Path root() {
        return root;
    }

    MarkdownFile file(String relativePath) {
        return new MarkdownFile(root.resolve(relativePath));
    }

    HugoFolder image(String relativePath, byte[] bytes) {
        write(root.resolve(relativePath), bytes);
        return this;
    }

    /** A file written exactly as given, for front matter that is broken on purpose. */
    HugoFolder raw(String relativePath, String text) {
        write(root.resolve(relativePath), text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** One Markdown file: YAML front matter unless {@link #tomlFrontMatter} is used. */
    final class MarkdownFile {

        private final Path path;
        private String fence = "---";
        private String frontMatter = "";
        private String body = "";

        private MarkdownFile(Path path) {
            this.path = path;
        }

        MarkdownFile frontMatter(String yaml) {
            this.fence = "---";
            this.frontMatter = yaml;
            return save();
        }

        MarkdownFile tomlFrontMatter(String toml) {
            this.fence = "+++";
            this.frontMatter = toml;
            return save();
        }

        MarkdownFile body(String markdown) {
            this.body = markdown;
            return save();
        }

        HugoFolder folder() {
            return HugoFolder.this;
        }

        private MarkdownFile save() {
            String text = fence + "\n" + frontMatter.strip() + "\n" + fence + "\n\n" + body;
            write(path, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
