package org.iskra.search;

import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Ukrainian: Unicode word breaking, lowercase, our own stop words, then {@link UkrainianLightStemFilter}. */
final class UkrainianAnalyzer extends StopwordAnalyzerBase {

    static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "а", "або", "адже", "але", "б", "без", "би", "бо", "був", "буде", "була", "були", "було", "бути",
            "в", "вам", "вас", "весь", "від", "він", "вона", "вони", "воно", "все", "всі", "вся", "вже", "ви",
            "де", "для", "до", "є", "ж", "же", "з", "за", "зі", "і", "із", "її", "їй", "їм", "їх", "й", "його",
            "йому", "кожен", "коли", "лише", "між", "ми", "мені", "на", "над", "нас", "не", "ні", "но", "нього",
            "о", "от", "під", "по", "при", "про", "саме", "свій", "своє", "свої", "своя", "та", "так", "також",
            "там", "те", "теж", "ти", "ті", "то", "той", "тут", "у", "усі", "хоч", "це", "цей", "ці", "ця", "чи",
            "через", "що", "щоб", "як", "яка", "яке", "які", "який", "якщо", "я"), false));

    UkrainianAnalyzer() {
        super(STOP_WORDS);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new StopFilter(result, stopwords);
        result = new UkrainianLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
