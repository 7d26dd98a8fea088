package org.iskra.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Picks the analyzer by the language the field name ends with ({@code body_ru} → Russian): one set of text fields
 * per language, so every field's terms come from one stemmer, term statistics are per language, and the words
 * field of a language only ever suggests words of that language. Languages without a stemmer in
 * lucene-analysis-common get Unicode word breaking and lowercasing, which works tolerably for any script.
 */
final class LanguageAnalyzers extends DelegatingAnalyzerWrapper {

    private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();
    private final Analyzer words = new WordsAnalyzer();
    private final Analyzer keyword = new KeywordAnalyzer();

    LanguageAnalyzers() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    Analyzer forLanguage(String language) {
        return byLanguage.computeIfAbsent(language, LanguageAnalyzers::create);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        if (fieldName.startsWith(Fields.WORDS_PREFIX)) {
            return words;
        }
        String language = Fields.languageOf(fieldName);
        return language == null ? keyword : forLanguage(language);
    }

    private static Analyzer create(String language) {
        // a regional or script variant (zh-CN, pt-BR, sr-Latn) is analysed as its language
        int dash = language.indexOf('-');
        return switch (dash < 0 ? language : language.substring(0, dash)) {
            case "en" -> new EnglishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "uk" -> new UkrainianAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "tr" -> new TurkishAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            case "fa" -> new PersianAnalyzer();
            case "el" -> new GreekAnalyzer();
            case "hy" -> new ArmenianAnalyzer();
            case "bg" -> new BulgarianAnalyzer();
            case "bn" -> new BengaliAnalyzer();
            case "ca" -> new CatalanAnalyzer();
            case "ckb" -> new SoraniAnalyzer();
            case "cs" -> new CzechAnalyzer();
            case "da" -> new DanishAnalyzer();
            case "et" -> new EstonianAnalyzer();
            case "eu" -> new BasqueAnalyzer();
            case "fi" -> new FinnishAnalyzer();
            case "ga" -> new IrishAnalyzer();
            case "gl" -> new GalicianAnalyzer();
            case "hi" -> new HindiAnalyzer();
            case "hu" -> new HungarianAnalyzer();
            case "id" -> new IndonesianAnalyzer();
            case "lt" -> new LithuanianAnalyzer();
            case "lv" -> new LatvianAnalyzer();
            case "ne" -> new NepaliAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "no", "nb", "nn" -> new NorwegianAnalyzer();
            case "ro" -> new RomanianAnalyzer();
            case "sr" -> new SerbianAnalyzer();
            case "sv" -> new SwedishAnalyzer();
            case "ta" -> new TamilAnalyzer();
            case "te" -> new TeluguAnalyzer();
            case "th" -> new ThaiAnalyzer();
            case "zh", "ja", "ko" -> new CJKAnalyzer();
            default -> new StandardAnalyzer(CharArraySet.EMPTY_SET);
        };
    }

    /** Surface words, lowercased and unstemmed: what "did you mean" may offer back, and what a prefix matches. */
    private static final class WordsAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new LengthFilter(result, 3, 30);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
