package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFolderTest {

    private static final List<String> LANGUAGES = List.of("en", "ru", "uk", "ar");

    @TempDir
    Path dir;

    @Test
    void findsTheLanguageInTheFileNameOfPageBundlesAndSinglePages() throws Exception {
        HugoFolder.create(dir)
                .raw("articles/caucasus/index.ru.md", "")
                .raw("articles/caucasus/index.en.md", "")
                .raw("notes/strike.uk.md", "")
                .raw("notes/strike.en.md", "");

        assertThat(new ContentFolder(dir).files(LANGUAGES, "en"))
                .extracting(HugoFile::path, HugoFile::language, HugoFile::pathKey, HugoFile::name)
                .containsExactly(
                        tuple("articles/caucasus/index.en.md", "en", "articles/caucasus", "caucasus"),
                        tuple("articles/caucasus/index.ru.md", "ru", "articles/caucasus", "caucasus"),
                        tuple("notes/strike.en.md", "en", "notes/strike", "strike"),
                        tuple("notes/strike.uk.md", "uk", "notes/strike", "strike"));
    }

    @Test
    void findsTheLanguageInTheFirstFolder() throws Exception {
        HugoFolder.create(dir)
                .raw("ru/posts/rent.md", "")
                .raw("en/posts/rent.md", "")
                .raw("en/posts/bundle/index.md", "");

        assertThat(new ContentFolder(dir).files(LANGUAGES, "en"))
                .extracting(HugoFile::path, HugoFile::language, HugoFile::pathKey, HugoFile::name)
                .containsExactly(
                        tuple("en/posts/bundle/index.md", "en", "posts/bundle", "bundle"),
                        tuple("en/posts/rent.md", "en", "posts/rent", "rent"),
                        tuple("ru/posts/rent.md", "ru", "posts/rent", "rent"));
    }

    @Test
    void aFileWithoutLanguageIsInTheDefaultLanguage() throws Exception {
        HugoFolder.create(dir).raw("about.md", "").raw("posts/my.notes.md", "");

        assertThat(new ContentFolder(dir).files(LANGUAGES, "en"))
                .extracting(HugoFile::path, HugoFile::language, HugoFile::name)
                .containsExactly(tuple("about.md", "en", "about"), tuple("posts/my.notes.md", "en", "my.notes"));
    }

    @Test
    void anUnconfiguredTwoLetterSuffixIsStillALanguage() throws Exception {
        HugoFolder.create(dir).raw("oddity.xx.md", "");

        assertThat(new ContentFolder(dir).files(LANGUAGES, "en"))
                .extracting(HugoFile::language, HugoFile::pathKey)
                .containsExactly(tuple("xx", "oddity"));
    }

    @Test
    void leavesOutListPagesHiddenFilesAndOtherFiles() throws Exception {
        HugoFolder.create(dir)
                .raw("_index.md", "")
                .raw("posts/_index.ru.md", "")
                .raw(".drafts/secret.md", "")
                .raw("posts/photo.jpg", "")
                .raw("posts/one.md", "");

        assertThat(new ContentFolder(dir).files(LANGUAGES, "en")).extracting(HugoFile::path)
                .containsExactly("posts/one.md");
    }

    @Test
    void aWholeHugoSiteIsReadFromItsContentFolder() throws Exception {
        HugoFolder.create(dir)
                .raw("hugo.toml", "baseURL = 'https://example.org/'")
                .raw("content/en/posts/one.md", "")
                .image("static/images/shared.jpg", TestImages.jpeg("shared", Color.GRAY));
        ContentFolder folder = new ContentFolder(dir);

        List<HugoFile> files = folder.files(LANGUAGES, "en");

        assertThat(files).extracting(HugoFile::path).containsExactly("en/posts/one.md");
        assertThat(folder.image(files.get(0), "/images/shared.jpg")).isEqualTo(dir.resolve("static/images/shared.jpg"));
    }

    @Test
    void resolvesImagePathsRelativeToTheMarkdownFile() throws Exception {
        HugoFolder.create(dir)
                .raw("articles/caucasus/index.en.md", "")
                .image("articles/caucasus/map.jpg", TestImages.jpeg("map", Color.BLUE))
                .image("articles/shared/my photo.jpg", TestImages.jpeg("photo", Color.RED))
                .image("static/logo.jpg", TestImages.jpeg("logo", Color.BLACK))
                .image("img/root.jpg", TestImages.jpeg("root", Color.BLACK));
        ContentFolder folder = new ContentFolder(dir);
        HugoFile page = folder.files(LANGUAGES, "en").get(0);

        assertThat(folder.image(page, "map.jpg")).isEqualTo(dir.resolve("articles/caucasus/map.jpg"));
        assertThat(folder.image(page, "./map.jpg?w=300#top")).isEqualTo(dir.resolve("articles/caucasus/map.jpg"));
        assertThat(folder.image(page, "../shared/my%20photo.jpg")).isEqualTo(dir.resolve("articles/shared/my photo.jpg"));
        assertThat(folder.image(page, "/logo.jpg")).isEqualTo(dir.resolve("static/logo.jpg"));
        assertThat(folder.image(page, "/img/root.jpg")).isEqualTo(dir.resolve("img/root.jpg"));
    }

    @Test
    void webAddressesAndStoredMediaAreNotLocalImages() throws Exception {
        HugoFolder.create(dir).raw("one.md", "");
        ContentFolder folder = new ContentFolder(dir);
        HugoFile page = folder.files(LANGUAGES, "en").get(0);

        assertThat(folder.image(page, "https://example.org/a.jpg")).isNull();
        assertThat(folder.image(page, "//cdn.example.org/a.jpg")).isNull();
        assertThat(folder.image(page, "media:" + "a".repeat(64))).isNull();
    }

    @Test
    void refusesMissingImagesAndImagesOutsideTheFolder() throws Exception {
        HugoFolder.create(dir.resolve("site")).raw("one.md", "");
        HugoFolder.create(dir).image("outside.jpg", TestImages.jpeg("outside", Color.BLACK));
        ContentFolder folder = new ContentFolder(dir.resolve("site"));
        HugoFile page = folder.files(LANGUAGES, "en").get(0);

        assertThatThrownBy(() -> folder.image(page, "nowhere.jpg"))
                .isInstanceOf(FileRejected.class).hasMessage("missing image nowhere.jpg");
        assertThatThrownBy(() -> folder.image(page, "../outside.jpg"))
                .isInstanceOf(FileRejected.class).hasMessage("image ../outside.jpg lies outside the content folder");
    }
}
