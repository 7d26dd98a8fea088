package org.iskra.screening;

/** What the public forms accept as an email address, one rule for all of them. */
public final class EmailAddress {

    /** For {@code @Email(regexp = …)}: something before one @, and a domain with at least one dot. */
    public static final String PATTERN = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+";
    /** RFC 5321's longest path. */
    public static final int MAX_LENGTH = 320;

    private EmailAddress() {
    }
}
