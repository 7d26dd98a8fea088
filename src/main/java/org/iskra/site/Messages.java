package org.iskra.site;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import org.springframework.context.MessageSource;

/**
 * Interface text and formatting in one reader's language. Message patterns are ICU MessageFormat, so plurals and
 * numbers follow each language's rules.
 */
public final class Messages {

    private static final Map<String, DateFormat> DATE_FORMATS = new ConcurrentHashMap<>();

    private final MessageSource source;
    private final Language language;

    Messages(MessageSource source, Language language) {
        this.source = source;
        this.language = language;
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        return source.getMessage(key, null, key, language.locale());
    }

    public String get(String key, Object... arguments) {
        String pattern = source.getMessage(key, null, key, language.locale());
        return new MessageFormat(pattern, language.uLocale()).format(arguments);
    }

    /** A date as a reader of this language writes it ("5 октября 2026 г.", "October 5, 2026"). */
    public String date(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        DateFormat format = DATE_FORMATS.computeIfAbsent(language.code(), code -> {
            DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, language.uLocale());
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            return f;
        });
        synchronized (format) {
            return format.format(Date.from(time.toInstant()));
        }
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String isoDate(OffsetDateTime time) {
        return time == null ? "" : time.toLocalDate().toString();
    }

    public String languageName(String code) {
        return new Language(code).nameIn(language);
    }
}
