package org.iskra.screening;

/** What the public forms accept as an email address, one rule for all of them. */
public final class EmailAddress {

    /**
     * For {@code @Email(regexp = …)}. Stricter than RFC 5321 on purpose: letters (any script), digits and
     * {@code _ + ' -} in dot-separated words before the {@code @}, a domain of at least two labels after it.
     * RFC-valid characters such as {@code ? & % # =} are refused: an address like {@code a?cc=someone@example.org}
     * would add a recipient in a {@code mailto:} link and in some mail programs, and no real address needs them.
     */
    public static final String PATTERN = "[\\p{L}\\p{M}\\p{N}_+'-]+(\\.[\\p{L}\\p{M}\\p{N}_+'-]+)*"
            + "@[\\p{L}\\p{M}\\p{N}-]+(\\.[\\p{L}\\p{M}\\p{N}-]+)+";
    /** RFC 5321's longest path. */
    public static final int MAX_LENGTH = 320;

    private EmailAddress() {
    }
}
