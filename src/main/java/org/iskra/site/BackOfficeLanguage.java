package org.iskra.site;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The language of the back office for one request: the one the staff member chose on their account page, else their
 * browser's first choice among the interface languages, else the interface's fallback. Never the public site's
 * language (its address or its remembered cookie): a volunteer who reads the site in Russian may work in Farsi.
 */
@Component
public class BackOfficeLanguage {

    private static final String RESOLVED = BackOfficeLanguage.class.getName();

    private final InterfaceLanguages interfaceLanguages;
    private final ObjectProvider<StaffDirectory> staff;

    BackOfficeLanguage(InterfaceLanguages interfaceLanguages, ObjectProvider<StaffDirectory> staff) {
        this.interfaceLanguages = interfaceLanguages;
        this.staff = staff;
    }

    /** Whether a request belongs to the back office, whose language this decides: its error pages too. */
    public static boolean appliesTo(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String failed ? failed : request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    /** The language of this back-office request, worked out once per request. */
    public Language of(HttpServletRequest request) {
        Object known = request.getAttribute(RESOLVED);
        if (known instanceof Language language) {
            return language;
        }
        Language language = chosen(request).orElseGet(() -> browsers(request.getHeader("Accept-Language")));
        request.setAttribute(RESOLVED, language);
        return language;
    }

    /** The languages a staff member may choose, each named in itself on the account page. */
    public List<Language> choices() {
        return interfaceLanguages.all();
    }

    /** The interface language with this code, if the interface is written in it. */
    public Optional<Language> choice(String code) {
        return interfaceLanguages.all().stream().filter(language -> language.code().equalsIgnoreCase(code)).findFirst();
    }

    private Optional<Language> chosen(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        StaffDirectory directory = staff.getIfAvailable();
        if (principal == null || directory == null) {
            return Optional.empty();
        }
        return directory.interfaceLanguageOf(principal.getName()).flatMap(this::choice);
    }

    /**
     * The first language of the {@code Accept-Language} header (in the order of its quality values) that the
     * interface is written in; a regional tag counts for its language ({@code pt-BR} → {@code pt}).
     */
    public Language browsers(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return interfaceLanguages.fallback();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return interfaceLanguages.fallback();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange();
            int dash = tag.indexOf('-');
            Optional<Language> match = choice(tag).or(() -> dash > 0 ? choice(tag.substring(0, dash)) : Optional.empty());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return interfaceLanguages.fallback();
    }
}
