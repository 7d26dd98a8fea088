package org.iskra.mail;

import java.util.Arrays;

/**
 * Where a queued mail (in the outbox or a mailing's copies) stands: waiting, accepted by the mail server, refused
 * by it for good, given up after the last attempt, or cancelled (its recipient was erased, or unsubscribed). The
 * code is what the {@code status} columns hold.
 */
enum MailStatus {
    PENDING("pending"), SENT("sent"), REFUSED("refused"), FAILED("failed"), CANCELLED("cancelled");

    private final String code;

    MailStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static MailStatus stored(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown mail status in the database"));
    }
}
