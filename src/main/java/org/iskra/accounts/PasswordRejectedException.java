package org.iskra.accounts;

/** A password that may not be used; {@code reason} is a message key. */
public class PasswordRejectedException extends RuntimeException {

    private final String reason;

    PasswordRejectedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
