package org.iskra.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) for the whole test class:
 * <pre>
 * &#64;RegisterExtension
 * static final MailServer mailServer = new MailServer();
 * </pre>
 * Every test application of the JVM sends its mail to {@link #PORT} ({@link TestDatabase} sets it), so no class needs a
 * property of its own for mail, which would make Spring start an application for that class alone. A class that
 * reads mail runs this server there while it runs; for the other classes nothing listens, and their mail waits in the
 * outbox as it does while a real mail server is down. Mail queued by an earlier class may arrive while a later one
 * listens: a test finds its own by its unique recipient. Tests that play an outage start and stop a server on
 * {@link #PORT} themselves, and {@link SmtpSink} listens there too.
 */
public final class MailServer implements BeforeAllCallback, AfterAllCallback {

    /** Where the test applications send their mail. */
    public static final int PORT = Await.freePort();

    private final GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public MimeMessage[] getReceivedMessages() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        greenMail.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        greenMail.stop();
    }
}
