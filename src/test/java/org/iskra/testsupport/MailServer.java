package org.iskra.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for the whole test class, on a port of its own, that the application under test
 * sends to:
 * <pre>
 * &#64;RegisterExtension
 * static final MailServer mailServer = new MailServer();
 *
 * &#64;DynamicPropertySource
 * static void mail(DynamicPropertyRegistry registry) { mailServer.pointMailAt(registry); }
 * </pre>
 */
public final class MailServer implements BeforeAllCallback, AfterAllCallback {

    private final int port = Await.freePort();
    private final GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** Sends the application's mail here. */
    public void pointMailAt(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

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
