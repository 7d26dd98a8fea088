package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the search index gets of a body: the words a reader sees, without markup. */
class PlainTextTest {

    // plain text never looks images up: it needs no media library
    private final BodyText renderer = new BodyText();

    @Test
    void keepsTheWordsOfTextLinksCodeAndFigureCaptionsAndDropsMarkupAndAddresses() {
        String markdown = """
                ## Стачка на заводе

                Рабочие **требуют** [повышения зарплаты](https://example.org/wages) и `8 часов`.
                Вторая строка.

                {{< figure src="media/abc.jpg" alt="Толпа" caption="Митинг у проходной" attr="Фото: ИА" >}}

                ![Плакат](https://example.org/p.jpg "Плакат профсоюза")

                <script>alert('x')</script>

                ```
                code block
                ```
                """;

        String text = renderer.plainText(markdown);

        assertThat(text).contains("Стачка на заводе", "Рабочие требуют повышения зарплаты и 8 часов. Вторая строка.",
                "Митинг у проходной Фото: ИА", "Плакат профсоюза", "code block");
        assertThat(text).doesNotContain("**", "https://", "<script", "alert", "ISKRAFIGURE", "media/abc.jpg", "##");
    }

    @Test
    void anEmptyBodyHasNoText() {
        assertThat(renderer.plainText(null)).isEmpty();
        assertThat(renderer.plainText("")).isEmpty();
    }
}
