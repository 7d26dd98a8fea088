package org.iskra.join;

import java.util.Locale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the join form sends, as typed (stripped of surrounding space and control characters). {@code from} is the
 * page it was sent from, {@code token} the signed form token, {@code homepage} the honeypot that people leave empty.
 */
record JoinForm(
        @NotBlank @Size(max = NAME_MAX) String name,
        @NotBlank @Size(max = EMAIL_MAX) @Email(regexp = STRICT_EMAIL) String email,
        @Size(max = PHONE_MAX) @Pattern(regexp = "[+]?[0-9 ().\\-/]{0,40}") String phone,
        @NotBlank String country,
        @NotBlank @Size(max = CITY_MAX) String city,
        @Size(max = MESSAGE_MAX) String message,
        @AssertTrue boolean consent,
        String from,
        String token,
        String homepage) {

    /**
     * Stricter than RFC 5321 on purpose: letters (any script), digits and {@code _ + ' -} in dot-separated words
     * before the {@code @}, a domain of at least two labels after it. RFC-valid characters such as {@code ? & % # =}
     * are refused: an address like {@code a?cc=someone@example.org} would add a recipient in a {@code mailto:} link
     * and in some mail programs, and no applicant's real address needs them.
     */
    static final String STRICT_EMAIL = "[\\p{L}\\p{M}\\p{N}_+'-]+(\\.[\\p{L}\\p{M}\\p{N}_+'-]+)*"
            + "@[\\p{L}\\p{M}\\p{N}-]+(\\.[\\p{L}\\p{M}\\p{N}-]+)+";

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 320;
    static final int PHONE_MAX = 40;
    static final int CITY_MAX = 200;
    static final int MESSAGE_MAX = 5000;

    // compiled once, not per field of every submission (Pattern alone would mean the Bean Validation annotation)
    private static final java.util.regex.Pattern LINE_CONTROLS =
            java.util.regex.Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final java.util.regex.Pattern TEXT_CONTROLS =
            java.util.regex.Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    static final JoinForm EMPTY = new JoinForm("", "", "", "", "", "", false, null, null, "");

    static JoinForm of(String name, String email, String phone, String country, String city, String message,
                       String consent, String from, String token, String homepage) {
        return new JoinForm(line(name), line(email), line(phone), line(country).toUpperCase(Locale.ROOT), line(city),
                text(message), "yes".equals(consent), LocalPath.orNull(from), token, homepage == null ? "" : homepage);
    }

    /** Whether a field is longer than we accept at all: that is a 413, not a correction to ask for. */
    boolean oversized() {
        return name.length() > NAME_MAX || email.length() > EMAIL_MAX || phone.length() > PHONE_MAX
                || city.length() > CITY_MAX || message.length() > MESSAGE_MAX;
    }

    /** The same form with what is too long dropped, to show again under a 413. */
    JoinForm withoutOversizedValues() {
        return new JoinForm(cut(name, NAME_MAX), cut(email, EMAIL_MAX), cut(phone, PHONE_MAX),
                country.length() > 2 ? "" : country, cut(city, CITY_MAX), cut(message, MESSAGE_MAX), consent, from, token, "");
    }

    JoinForm withToken(String freshToken) {
        return new JoinForm(name, email, phone, country, city, message, consent, from, freshToken, homepage);
    }

    String normalizedEmail() {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    NewJoinRequest toRequest(String language) {
        return new NewJoinRequest(token, country, language, from, name, email, phone.isEmpty() ? null : phone, city,
                message.isEmpty() ? null : message);
    }

    private static String cut(String value, int max) {
        return value.length() > max ? "" : value;
    }

    /** One line: control characters (line breaks included) become spaces, surrounding space goes. */
    private static String line(String value) {
        return value == null ? "" : LINE_CONTROLS.matcher(value).replaceAll(" ").strip();
    }

    /** Several lines: line breaks become \n, other control characters go. */
    private static String text(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n')
                .transform(TEXT_CONTROLS::matcher).replaceAll("").strip();
    }
}
