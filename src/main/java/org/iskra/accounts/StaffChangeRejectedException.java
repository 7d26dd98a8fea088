package org.iskra.accounts;

/** A change to a staff account that is not allowed, such as disabling oneself; {@code reason} is a message key. */
class StaffChangeRejectedException extends RuntimeException {

    private final String reason;

    StaffChangeRejectedException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
