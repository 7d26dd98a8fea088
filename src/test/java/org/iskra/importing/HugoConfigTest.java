package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's configuration in each of the forms Hugo reads: TOML, YAML, JSON, and split files under config/_default/. */
class HugoConfigTest {

    @TempDir
    Path root;

    @Test
    void readsYamlWithLanguagesAndTheirContentFolders() throws Exception {
        write("config.yaml", """
                baseURL: https://example.org/
                DefaultContentLanguage: ru
                defaultContentLanguageInSubdir: true
                permalinks:
                  posts: /:year/:slug/
                languages:
                  ru:
                    contentDir: content/russian
                    weight: 1
                  zh-cn:
                    contentDir: content/chinese
                    weight: 2
                """);

        HugoSite site = HugoConfig.site(root, "en");

        assertThat(site.defaultLanguage()).isEqualTo("ru");
        assertThat(site.defaultInSubdir()).isTrue();
        assertThat(site.languages()).containsOnlyKeys("ru", "zh-cn");
        assertThat(site.language("ZH-CN").orElseThrow().contentDir()).isEqualTo(root.resolve("content/chinese"));
        assertThat(site.permalinks()).containsEntry("posts", "/:year/:slug/");
        assertThat(site.urlPrefix("ru", false)).isEqualTo("/ru");
    }

    @Test
    void mergesTheFilesOfConfigDefaultWhereAFileNamedAfterAKeyHoldsItsValue() throws Exception {
        write("config/_default/hugo.toml", "defaultContentLanguage = 'en'\ntitle = 'Site'\n");
        write("config/_default/languages.toml", """
                [en]
                  weight = 1
                [he]
                  weight = 2
                  languageDirection = 'rtl'
                """);
        write("config/_default/permalinks.json", "{\"page\": {\"posts\": \"/:year/:month/:slug/\"}}");

        assertThat(HugoConfig.isSiteRoot(root)).isTrue();
        HugoSite site = HugoConfig.site(root, "ru");

        assertThat(site.defaultLanguage()).isEqualTo("en");
        assertThat(site.languages().keySet()).containsExactly("en", "he");
        assertThat(site.permalinks()).containsEntry("posts", "/:year/:month/:slug/");
        assertThat(site.urlPrefix("en", true)).isEmpty();
        assertThat(site.urlPrefix("he", true)).isEqualTo("/he");
    }

    @Test
    void aBrokenConfigurationSaysWhichFile() throws Exception {
        write("hugo.toml", "title = 'unterminated\n");
        assertThatThrownBy(() -> HugoConfig.site(root, "en")).isInstanceOf(FileRejected.class)
                .hasMessageStartingWith("cannot read the site configuration hugo.toml");
    }

    @Test
    void aFolderWithoutConfigurationIsAContentFolder() {
        assertThat(HugoConfig.isSiteRoot(root)).isFalse();
    }

    private void write(String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
