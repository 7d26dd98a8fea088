package org.iskra.mail;

import java.util.regex.Pattern;

/**
 * An email to send: what kind it is ({@code join.confirmation}), to whom, its subject and plain-text body, and
 * the language it is written in. The recipient, subject and body are personal data and are stored sealed.
 */
public record OutgoingMail(String kind, String recipient, String subject, String bodyText, String language) {

    // compiled once: a mail is built for every join request
    private static final Pattern KIND = Pattern.compile("[a-z0-9_.-]{1,100}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    // Messages name the field only: the values may be personal data.
    public OutgoingMail {
        require(kind != null && KIND.matcher(kind).matches(), "kind must be 1 to 100 of a-z, 0-9, '.', '_', '-'");
        require(recipient != null && !recipient.isBlank(), "recipient is required");
        require(recipient.length() <= 320 && !containsLineBreak(recipient), "recipient must be one address of at most 320 characters");
        require(subject != null && !containsLineBreak(subject), "subject is required and must be one line");
        require(bodyText != null, "bodyText is required");
        require(language != null && LANGUAGE.matcher(language).matches() && language.length() <= 16,
                "language must be a language tag such as ru or pt-BR");
    }

    private static boolean containsLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
