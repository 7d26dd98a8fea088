package org.iskra.editor;

import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * How many words a text has, as a reader counts them: Markdown's marks, figure shortcodes, link targets and HTML
 * tags are not words. Words are Unicode's word boundaries (ICU), so a count in Arabic, Armenian or Greek is as
 * right as one in English. The editor shows it on load and after each live preview, both from here.
 */
final class WordCount {

    // Each pattern stops at the next opening of its own kind and is bounded, so a text of thousands of unclosed
    // openings (pasted or hostile) is read once, not once per opening: the count runs on every keystroke's preview.
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%][^{}]{0,2000}?[>%]}}");
    private static final Pattern LINK_TARGET = Pattern.compile("]\\([^()\\]]{0,2000}\\)");
    private static final Pattern TAG = Pattern.compile("<[^<>]{0,500}>");

    private WordCount() {
    }

    static int of(String markdown, String language) {
        if (markdown == null || markdown.isBlank()) {
            return 0;
        }
        String text = TAG.matcher(LINK_TARGET.matcher(SHORTCODE.matcher(markdown).replaceAll(" ")).replaceAll("]"))
                .replaceAll(" ");
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLanguageTag(language == null ? "" : language));
        words.setText(text);
        int count = 0;
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            if (words.getRuleStatus() != BreakIterator.WORD_NONE) {
                count++;
            }
        }
        return count;
    }
}
