package org.iskra.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Paths as Markdown and HTML write them: URL-encoded ({@code my%20photo.jpg}), where a "+" stays a plus. */
final class MarkdownPaths {

    private MarkdownPaths() {
    }

    static String decoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = text.indexOf('%', i + 1);
                int end = next < 0 ? text.length() : next;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
