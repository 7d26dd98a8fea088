package org.iskra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class UkrainianLightStemFilterTest {

    @Test
    void formsOfOneNounMeetInOneStem() {
        assertThat(List.of("організація", "організації", "організацію", "організацією", "організацій", "організаціям"))
                .allSatisfy(word -> assertThat(UkrainianLightStemFilter.stem(word)).isEqualTo("організац"));
        assertThat(List.of("робітник", "робітники", "робітників", "робітникам", "робітниками", "робітником"))
                .allSatisfy(word -> assertThat(UkrainianLightStemFilter.stem(word)).isEqualTo("робітник"));
    }

    @Test
    void adjectivesApostrophesAndShortWords() {
        assertThat(List.of("робочий", "робочого", "робочому", "робочих", "робоча", "робочою"))
                .allSatisfy(word -> assertThat(UkrainianLightStemFilter.stem(word)).isEqualTo("робоч"));
        assertThat(UkrainianLightStemFilter.stem("м’ясо")).isEqualTo(UkrainianLightStemFilter.stem("м'ясо"))
                .isEqualTo(UkrainianLightStemFilter.stem("мʼясо"));
        assertThat(UkrainianLightStemFilter.stem("мир")).isEqualTo("мир");
    }

    @Test
    void theAnalyzerDropsStopWordsAndStems() throws IOException {
        assertThat(terms("Страйк робітників і їхньої організації")).containsExactly("страйк", "робітник", "їхнь", "організац");
    }

    private static List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (UkrainianAnalyzer analyzer = new UkrainianAnalyzer(); TokenStream tokens = analyzer.tokenStream("body_uk", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        return terms;
    }
}
