package org.iskra.feeds;

import java.nio.charset.StandardCharsets;

import org.iskra.site.HeadLink;
import org.springframework.http.MediaType;

/** The two feed formats, by the extension of their address. */
enum FeedFormat {

    ATOM("atom", "atom_1.0", HeadLink.ATOM),
    RSS("rss", "rss_2.0", HeadLink.RSS);

    final String extension;
    final String romeType;
    final String mimeType;

    FeedFormat(String extension, String romeType, String mimeType) {
        this.extension = extension;
        this.romeType = romeType;
        this.mimeType = mimeType;
    }

    /** What the response says it is: {@code application/atom+xml;charset=UTF-8}. */
    MediaType contentType() {
        return new MediaType(MediaType.parseMediaType(mimeType), StandardCharsets.UTF_8);
    }

    static FeedFormat byExtension(String extension) {
        for (FeedFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException(extension);
    }
}
