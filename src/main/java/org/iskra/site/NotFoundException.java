package org.iskra.site;

/**
 * Nothing to show at this address. Carries no message on purpose: error pages never show exception text.
 * {@code versions} lists where the thing does exist (other languages), when known.
 */
public class NotFoundException extends RuntimeException {

    private final java.util.Map<String, String> versions;

    public NotFoundException() {
        this(java.util.Map.of());
    }

    public NotFoundException(java.util.Map<String, String> versions) {
        super(null, null, false, false);
        this.versions = versions;
    }

    public java.util.Map<String, String> versions() {
        return versions;
    }
}
