package org.iskra.articles;

/** A translation that cannot be saved as given; {@code reason} is a message key for the person who sent it. */
public class ArticleRejectedException extends Exception {

    private final String reason;

    public ArticleRejectedException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
