package org.iskra.mail;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.mail.MessagingException;

/**
 * What a mail server's reply says about the address a message went to. The reply code is on the SMTP provider's
 * exceptions (Eclipse Angus: {@code SMTPAddressFailedException}, {@code SMTPSendFailedException}), which are a
 * runtime dependency only, so they are recognised by name and read through their public {@code getReturnCode}.
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /**
     * Whether the server refused the recipient for good: a 5xx reply to RCPT TO, or to the message itself (DATA).
     * A refusal of our own sender (MAIL FROM) or any 4xx reply says nothing about the address and is retried.
     */
    static boolean refusesAddress(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = next(current)) {
            String type = current.getClass().getSimpleName();
            if (type.equals("SMTPSenderFailedException")) {
                return false;
            }
            if ((type.equals("SMTPAddressFailedException") || type.equals("SMTPSendFailedException"))
                    && permanent(returnCode(current))) {
                return true;
            }
        }
        return false;
    }

    private static int returnCode(Throwable reply) {
        try {
            Method method = reply.getClass().getMethod("getReturnCode");
            return (Integer) method.invoke(reply);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    private static boolean permanent(int code) {
        return code >= 500 && code < 600;
    }

    private static Throwable next(Throwable current) {
        if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return current.getCause();
    }
}
