package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArticleGroupTest {

    private static final Set<String> LANGUAGES = Set.of("en", "ru", "uk");

    @Test
    void theEarliestDateIsTheOriginal() throws Exception {
        Page english = page("war.en.md", "en", "war", "date", "2024-05-02");
        Page russian = page("war.ru.md", "ru", "war", "date", "2024-05-01");

        List<ArticleGroup> groups = ArticleGroup.of(List.of(english, russian), List.of(), LANGUAGES::contains);

        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.original()).isSameAs(russian);
            assertThat(group.translations()).containsExactly(english);
            assertThat(group.rejections()).isEmpty();
        });
    }

    @Test
    void originalTrueWinsOverTheDate() throws Exception {
        Page english = page("war.en.md", "en", "war", "date", "2024-05-01");
        Page russian = page("war.ru.md", "ru", "war", "date", "2024-05-02", "original", true);

        assertThat(ArticleGroup.of(List.of(english, russian), List.of(), LANGUAGES::contains).get(0).original())
                .isSameAs(russian);
    }

    @Test
    void aTranslationKeyGroupsFilesWhateverTheirPaths() throws Exception {
        Page english = page("en/strike.md", "en", "strike", "translationKey", "strike-2024", "date", "2024-05-02");
        Page ukrainian = page("uk/straik.md", "uk", "straik", "translationKey", "strike-2024", "date", "2024-05-01");
        Page other = page("en/other.md", "en", "other");

        List<ArticleGroup> groups = ArticleGroup.of(List.of(english, ukrainian, other), List.of(), LANGUAGES::contains);

        assertThat(groups).extracting(ArticleGroup::key, group -> group.original().path())
                .containsExactlyInAnyOrder(tuple("strike-2024", "uk/straik.md"), tuple("other", "en/other.md"));
    }

    @Test
    void aSecondFileInTheSameLanguageIsRefused() throws Exception {
        Page first = page("a/war.ru.md", "ru", "x", "translationKey", "war");
        Page second = page("b/war.ru.md", "ru", "y", "translationKey", "war");

        ArticleGroup group = ArticleGroup.of(List.of(second, first), List.of(), LANGUAGES::contains).get(0);

        assertThat(group.original()).isSameAs(first);
        assertThat(group.rejections()).extracting(ArticleGroup.Rejection::path, ArticleGroup.Rejection::reason)
                .containsExactly(tuple("b/war.ru.md", "the article war already has a ru file: a/war.ru.md"));
    }

    @Test
    void twoOriginalsRefuseTheWholeArticle() throws Exception {
        Page english = page("war.en.md", "en", "war", "original", true);
        Page russian = page("war.ru.md", "ru", "war", "original", true);

        ArticleGroup group = ArticleGroup.of(List.of(english, russian), List.of(), LANGUAGES::contains).get(0);

        assertThat(group.original()).isNull();
        assertThat(group.rejections()).hasSize(2)
                .allSatisfy(r -> assertThat(r.reason()).startsWith("more than one file of the article war says original: true"));
    }

    @Test
    void whenAFileOfTheArticleCouldNotBeReadTheOthersWaitForIt() throws Exception {
        Page english = page("war.en.md", "en", "war", "date", "2024-05-02");
        HugoFile brokenRussian = new HugoFile("war.ru.md", Path.of("war.ru.md"), "ru", "war", "war");

        ArticleGroup group = ArticleGroup.of(List.of(english), List.of(brokenRussian), LANGUAGES::contains).get(0);

        assertThat(group.original()).isNull();
        assertThat(group.rejections()).extracting(ArticleGroup.Rejection::reason)
                .containsExactly("original unknown: war.ru.md could not be read (or mark the original with original: true)");
    }

    @Test
    void aFileMarkedOriginalGoesAheadWithoutTheUnreadableOne() throws Exception {
        Page russian = page("war.ru.md", "ru", "war", "original", true);
        HugoFile brokenEnglish = new HugoFile("war.en.md", Path.of("war.en.md"), "en", "war", "war");

        assertThat(ArticleGroup.of(List.of(russian), List.of(brokenEnglish), LANGUAGES::contains).get(0).original())
                .isSameAs(russian);
    }

    @Test
    void aTranslationInAnUnknownLanguageIsRefusedAlone() throws Exception {
        Page russian = page("war.ru.md", "ru", "war", "date", "2024-05-01");
        Page unknown = page("war.xx.md", "xx", "war", "date", "2024-05-02");

        ArticleGroup group = ArticleGroup.of(List.of(russian, unknown), List.of(), LANGUAGES::contains).get(0);

        assertThat(group.original()).isSameAs(russian);
        assertThat(group.translations()).isEmpty();
        assertThat(group.rejections()).extracting(ArticleGroup.Rejection::path, ArticleGroup.Rejection::reason)
                .containsExactly(tuple("war.xx.md", "unknown language xx"));
    }

    @Test
    void anOriginalInAnUnknownLanguageTakesItsTranslationsDown() throws Exception {
        Page unknown = page("war.xx.md", "xx", "war", "date", "2024-05-01");
        Page russian = page("war.ru.md", "ru", "war", "date", "2024-05-02");

        ArticleGroup group = ArticleGroup.of(List.of(russian, unknown), List.of(), LANGUAGES::contains).get(0);

        assertThat(group.original()).isNull();
        assertThat(group.rejections()).extracting(ArticleGroup.Rejection::path, ArticleGroup.Rejection::reason)
                .containsExactlyInAnyOrder(
                        tuple("war.xx.md", "unknown language xx"),
                        tuple("war.ru.md", "original failed: war.xx.md: unknown language xx"));
    }

    static Page page(String path, String language, String pathKey, Object... frontMatter) throws FileRejected {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Title of " + path);
        for (int i = 0; i < frontMatter.length; i += 2) {
            fields.put(((String) frontMatter[i]).toLowerCase(), frontMatter[i + 1]);
        }
        String name = pathKey.contains("/") ? pathKey.substring(pathKey.lastIndexOf('/') + 1) : pathKey;
        return new Page(new HugoFile(path, Path.of(path), language, pathKey, name), FrontMatter.of(fields), "");
    }
}
