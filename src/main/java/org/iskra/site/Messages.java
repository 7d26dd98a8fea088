package org.iskra.site;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
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
    // parsing a pattern (with its number and plural rules) costs several times more than formatting with it, and
    // every join request formats three; a MessageFormat is not thread-safe, so each thread keeps those it parsed,
    // by pattern (not key), so that changed bundles still show
    private static final int FORMATS_PER_THREAD = 500;
    private static final ThreadLocal<Map<String, MessageFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private final MessageSource source;
    private final Language language;
    private final Language interfaceLanguage;

    Messages(MessageSource source, Language language) {
        this(source, language, language);
    }

    /**
     * @param language          the language of the page's content, which its links and listings follow
     * @param interfaceLanguage the language its interface text is in: the same, unless {@code language} has no
     *                          message bundle (see {@link InterfaceLanguages})
     */
    Messages(MessageSource source, Language language, Language interfaceLanguage) {
        this.source = source;
        this.language = language;
        this.interfaceLanguage = interfaceLanguage;
    }

    public Language language() {
        return language;
    }

    public Language interfaceLanguage() {
        return interfaceLanguage;
    }

    public String get(String key) {
        return source.getMessage(key, null, key, interfaceLanguage.locale());
    }

    /** The text of {@code key}, or null when there is none: a page's notice or error that may be absent. */
    public String getOrNull(String key) {
        return key == null ? null : get(key);
    }

    public String get(String key, Object... arguments) {
        String pattern = source.getMessage(key, null, key, interfaceLanguage.locale());
        Map<String, MessageFormat> formats = FORMATS.get();
        String cacheKey = interfaceLanguage.code() + '\0' + pattern;
        MessageFormat format = formats.get(cacheKey);
        if (format == null) {
            if (formats.size() >= FORMATS_PER_THREAD) {
                formats.clear();
            }
            format = new MessageFormat(pattern, interfaceLanguage.uLocale());
            formats.put(cacheKey, format);
        }
        return format.format(arguments);
    }

    /** A date as a reader of this language writes it ("5 октября 2026 г.", "October 5, 2026"). */
    public String date(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        DateFormat format = DATE_FORMATS.computeIfAbsent(interfaceLanguage.code(), code -> {
            DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, interfaceLanguage.uLocale());
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
        return new Language(code).nameIn(interfaceLanguage);
    }
}
