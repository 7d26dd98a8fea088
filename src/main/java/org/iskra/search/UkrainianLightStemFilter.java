package org.iskra.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * A light Ukrainian stemmer: it strips the common inflectional endings of nouns, adjectives and verbs, so that
 * "організація", "організації" and "організацією" meet in one term. Lucene's dictionary-based Ukrainian analyzer
 * lives in the separate morfologik module with its own dictionaries, which this project does not ship (see
 * docs/adr/0005-search-index-per-language-fields.md); this filter is the fallback. It expects lowercase input.
 */
final class UkrainianLightStemFilter extends TokenFilter {

    /** Endings, longest first, so that "-ією" goes before "-ю". */
    private static final String[] ENDINGS = {
            "ування", "ювання",
            "іями", "ують", "юють", "ають", "яють", "ього", "ьому",
            "ами", "ями", "ові", "еві", "єві", "ією", "ієї", "іям", "іях", "ого", "ому", "ими", "іми",
            "ить", "іть", "ать", "ять", "ють", "уть", "емо", "ємо", "имо", "імо", "ете", "єте", "ите", "іте",
            "ати", "яти", "ити", "іти", "ути", "ала", "ало", "али", "ила", "ило", "или",
            "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ою", "ею", "єю", "ів", "їв", "ей", "ії", "ія", "ію", "ій",
            "ий", "ої", "им", "ім", "их", "іх", "ая", "ти", "ть", "ла", "ло", "ли", "ав", "ив",
            "а", "я", "і", "ї", "у", "ю", "о", "е", "є", "и", "й", "ь"};
    private static final int MIN_STEM = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    UkrainianLightStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            String stem = stem(term.toString());
            term.setEmpty().append(stem);
        }
        return true;
    }

    static String stem(String word) {
        String w = normalize(word);
        if (w.endsWith("ся") || w.endsWith("сь")) {
            if (w.length() - 2 >= MIN_STEM + 1) {
                w = w.substring(0, w.length() - 2);
            }
        }
        for (String ending : ENDINGS) {
            if (w.length() - ending.length() >= MIN_STEM && w.endsWith(ending)) {
                return w.substring(0, w.length() - ending.length());
            }
        }
        return w;
    }

    /** Apostrophes are written three ways ("м'ясо", "м’ясо", "мʼясо") and ґ is often typed as г. */
    private static String normalize(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '\'', '\u2019', '\u02BC' -> {
                }
                case 'ґ' -> out.append('г');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
