package org.iskra.newsletter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.iskra.screening.EmailAddress;
import org.iskra.screening.LocalPath;

/**
 * What the subscription form sends, as typed: the address, the languages and regions ticked, the page it was sent
 * from, the signed form token and the honeypot that people leave empty.
 */
record SubscribeForm(
        @NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) String email,
        @NotEmpty @Size(max = 50) List<String> languages,
        @Size(max = 200) List<String> regions,
        String from,
        String token,
        String homepage) {

    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,200}");

    static SubscribeForm empty(String language, String from, String token) {
        return new SubscribeForm("", List.of(language), List.of(), LocalPath.orNull(from), token, "");
    }

    /** Reads the form from the request; a value that cannot be decoded throws Tomcat's IllegalStateException. */
    static SubscribeForm of(HttpServletRequest request) {
        String email = request.getParameter("email");
        return new SubscribeForm(email == null ? "" : CONTROLS.matcher(email).replaceAll(" ").strip(),
                codes(request.getParameterValues("language")), codes(request.getParameterValues("region")),
                LocalPath.orNull(request.getParameter("from")), request.getParameter("token"),
                request.getParameter("homepage") == null ? "" : request.getParameter("homepage"));
    }

    /** Ticked values, each once, in order; anything that is not a plain code is dropped (no list offers it). */
    private static List<String> codes(String[] values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(values).filter(v -> v != null && CODE.matcher(v).matches()).toList()));
    }

    boolean oversized() {
        return email.length() > EmailAddress.MAX_LENGTH;
    }

    SubscribeForm withToken(String fresh) {
        return new SubscribeForm(email, languages, regions, from, fresh, homepage);
    }

    SubscribeForm withoutEmail() {
        return new SubscribeForm("", languages, regions, from, token, homepage);
    }

    Subscriptions.Choice toChoice(String pageLanguage) {
        return new Subscriptions.Choice(email, languages, regions, pageLanguage, from);
    }
}
