package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void theSlugIsTheFrontMattersSlugElseTheFileName() throws Exception {
        assertThat(ArticleGroupTest.page("war.en.md", "en", "war", "slug", "The New War").slug()).isEqualTo("the-new-war");
        assertThat(ArticleGroupTest.page("posts/war-2024.en.md", "en", "posts/war-2024").slug()).isEqualTo("war-2024");
    }

    @Test
    void aNonAsciiSlugIsTransliterated() throws Exception {
        assertThat(ArticleGroupTest.page("война.ru.md", "ru", "война-на-кавказе").slug()).isEqualTo("vojna-na-kavkaze");
        assertThat(ArticleGroupTest.page("x.uk.md", "uk", "x", "slug", "Україна і Беларусь").slug())
                .isEqualTo("ukraina-i-belarus");
    }

    @Test
    void aSlugIsAtMost120Characters() throws Exception {
        String slug = ArticleGroupTest.page("x.en.md", "en", "x", "slug", "word ".repeat(40)).slug();

        assertThat(slug).hasSizeLessThanOrEqualTo(120).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void refusesAPageWithNothingToMakeASlugFrom() {
        assertThatThrownBy(() -> ArticleGroupTest.page("x.en.md", "en", "x", "slug", "!!!").slug())
                .isInstanceOf(FileRejected.class)
                .hasMessageContaining("no usable slug");
    }

    @Test
    void theKeyIsTheTranslationKeyElseThePathWithoutLanguage() throws Exception {
        assertThat(ArticleGroupTest.page("a/war.ru.md", "ru", "a/war", "translationKey", "war-2024").key()).isEqualTo("war-2024");
        assertThat(ArticleGroupTest.page("a/war.ru.md", "ru", "a/war").key()).isEqualTo("a/war");
    }
}
