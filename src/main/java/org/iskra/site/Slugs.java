package org.iskra.site;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/** Readable ASCII slugs from titles and names in any script ("Нагорный Карабах" → "nagornyj-karabah"). */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private Slugs() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // Latin-ASCII leaves the schwa of Azerbaijani alone; readers write it as "e" in ASCII
        String prepared = text.replace('ə', 'e').replace('Ə', 'E');
        String ascii = TO_ASCII.get().transliterate(prepared).toLowerCase(Locale.ROOT);
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimDashes(slug.substring(0, MAX_LENGTH));
        }
        return slug;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
