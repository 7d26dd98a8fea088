package org.iskra.articles;

/** An image as the body places it: which media, and the words this translation gives it. */
record FigureSpec(String mediaHash, String src, String alt, String caption, String credit, String creditLink) {

    static final String MEDIA_PREFIX = "media:";

    /** The stored image's hash when the body refers to one ({@code media:HASH}); null for other sources. */
    static String hashOf(String src) {
        if (src != null && src.startsWith(MEDIA_PREFIX)) {
            String hash = src.substring(MEDIA_PREFIX.length());
            return hash.matches("[0-9a-f]{64}") ? hash : null;
        }
        return null;
    }
}
