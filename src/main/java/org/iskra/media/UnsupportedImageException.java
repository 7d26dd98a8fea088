package org.iskra.media;

/**
 * Bytes that Iskra will not store as an image. The message names the technical cause and is meant for logs;
 * {@link #reason()} is a message key to show the editor.
 */
public class UnsupportedImageException extends Exception {

    static final String NOT_AN_IMAGE = "media.error.not-an-image";
    static final String UNSUPPORTED_FORMAT = "media.error.unsupported-format";
    static final String DAMAGED = "media.error.damaged";
    static final String TOO_LARGE = "media.error.too-large";
    static final String TOO_MANY_PIXELS = "media.error.too-many-pixels";

    private final String reason;

    UnsupportedImageException(String reason, String message) {
        this(reason, message, null);
    }

    UnsupportedImageException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
