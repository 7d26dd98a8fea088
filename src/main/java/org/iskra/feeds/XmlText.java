package org.iskra.feeds;

/** Text made fit for XML 1.0, which has no way to write most control characters, not even escaped. */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c) && validPair(text, i);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A surrogate is fine only as half of a pair. */
    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
