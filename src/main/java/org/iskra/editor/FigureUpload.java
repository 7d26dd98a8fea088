package org.iskra.editor;

import org.springframework.web.multipart.MultipartFile;

/** An image the editor uploads with what readers see around it: alt text, caption and credit. */
record FigureUpload(MultipartFile file, String alt, String caption, String credit) {

    static final int MAX_CREDIT = 300;

    String cleanAlt() {
        return attribute(alt);
    }

    String cleanCredit() {
        return credit == null ? "" : credit.strip();
    }

    /** The figure as the body writes it; the body renderer turns it into the same figure the public page shows. */
    String shortcode(String hash) {
        StringBuilder figure = new StringBuilder("{{< figure src=\"media:").append(hash).append("\" alt=\"")
                .append(cleanAlt()).append('"');
        String cleanCaption = attribute(caption);
        if (!cleanCaption.isEmpty()) {
            figure.append(" caption=\"").append(cleanCaption).append('"');
        }
        return figure.append(" >}}").toString();
    }

    /** Text inside a quoted shortcode attribute: no straight quote, backslash or line break could end it early. */
    private static String attribute(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('"', '”').replace("\\", "").replace("}}", "} }").replaceAll("\\s+", " ").strip();
    }
}
